// Counts the continuity of the desk in a period (domain/reports/continuity.ts says what counts): one
// set-oriented statement reads the period's human answers from continuity_answers (kept by triggers
// with what each is judged against: schema/continuity.ts), folds them per conversation against the
// customer's advisor and backup, and counts per (team, advisor).
import { sql } from "drizzle-orm";
import { foldContinuity } from "../../domain/reports/continuity.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { continuityAnswers } from "../../store/schema/index.ts";

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
  const team = q.teamId ? sql`and a.team_id = ${q.teamId}` : sql``;
  // The period's human answers (docs/CONTRACT.md §6), each with its conversation's team and spam
  // flag and its customer's advisor and backup as they are now, from one table and its time index.
  const result = await rt.db.execute<Counted>(sql`
    with answered as (
      select a.conversation_id as id, a.team_id, a.advisor_id,
             (a.advisor_id is not null or a.backup_id is not null) as has_advisor,
             bool_and(coalesce(a.author_user_id = a.advisor_id, false)
                   or coalesce(a.author_user_id = a.backup_id, false)) as kept
      from ${continuityAnswers} a
      where a.workspace_id = ${ws}
        and a.answered_at >= ${from.toISOString()} and a.answered_at < ${to.toISOString()}
        and not a.spam ${team}
      group by a.conversation_id, a.team_id, a.advisor_id, a.backup_id
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
