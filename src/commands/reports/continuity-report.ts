// Counts the continuity of the desk in a period (domain/reports/continuity.ts says what counts): one
// set-oriented statement reads the period's human answers through the messages' time index, folds
// them per conversation against the customer's advisor and backup, and counts per (team, advisor).
import { sql } from "drizzle-orm";
import { foldContinuity } from "../../domain/reports/continuity.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";

export type ContinuityQuery = { workspaceId: string; from?: Date; to?: Date; teamId?: string };

const dayMs = 86_400_000;

type Counted = {
  team_id: string | null;
  advisor_id: string | null;
  conversations: number;
  with_advisor: number;
  kept: number;
  transfers: number;
};

export async function continuityReport(rt: Runtime, q: ContinuityQuery) {
  const to = q.to ?? rt.now();
  const from = q.from ?? new Date(to.getTime() - 30 * dayMs);
  if (from >= to) throw new DeskError("invalid_input", "from must be before to");
  if (to.getTime() - from.getTime() > 366 * dayMs)
    throw new DeskError("invalid_input", "a period is at most a year");
  const ws = q.workspaceId;
  const team = q.teamId ? sql`and c.team_id = ${q.teamId}` : sql``;
  // A human answer as the workload report counts it (docs/CONTRACT.md §6).
  const result = await rt.db.execute<Counted>(sql`
    with answered as (
      select c.id, c.team_id, cu.advisor_id,
             (cu.advisor_id is not null or cu.backup_id is not null) as has_advisor,
             bool_and(coalesce(m.author_user_id = cu.advisor_id, false)
                   or coalesce(m.author_user_id = cu.backup_id, false)) as kept
      from messages m
      join conversations c on c.workspace_id = m.workspace_id and c.id = m.conversation_id
      join customers cu on cu.workspace_id = c.workspace_id and cu.id = c.customer_id
      where m.workspace_id = ${ws}
        and m.created_at >= ${from.toISOString()} and m.created_at < ${to.toISOString()}
        and m.direction = 'outbound' and m.author_kind = 'user' and m.author_user_id is not null
        and not m.automated and (m.delivery is null or m.delivery not in ('failed', 'bounced'))
        and not c.spam ${team}
      group by c.id, c.team_id, cu.advisor_id, cu.backup_id
    ),
    moved as (
      select t.conversation_id, count(*)::int as transfers
      from conversation_transfers t
      where t.workspace_id = ${ws} and t.status <> 'cancelled'
        and t.created_at >= ${from.toISOString()} and t.created_at < ${to.toISOString()}
      group by t.conversation_id
    )
    select a.team_id, a.advisor_id,
           count(*)::int as conversations,
           count(*) filter (where a.has_advisor)::int as with_advisor,
           count(*) filter (where a.has_advisor and a.kept)::int as kept,
           coalesce(sum(mv.transfers), 0)::int as transfers
    from answered a left join moved mv on mv.conversation_id = a.id
    group by a.team_id, a.advisor_id`);
  const folded = foldContinuity(
    result.rows.map((r) => ({
      teamId: r.team_id,
      advisorId: r.advisor_id,
      conversations: Number(r.conversations),
      withAdvisor: Number(r.with_advisor),
      kept: Number(r.kept),
      transfers: Number(r.transfers),
    })),
  );
  return { from, to, ...folded };
}
