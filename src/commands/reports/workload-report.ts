// Counts the workload of the desk: open conversations per (assignee, team) through their own index,
// and the human answers of the period through the messages' time index; the domain folds them.
import {
  count,
  countDistinct,
  eq,
  gte,
  isNotNull,
  isNull,
  lt,
  not,
  notInArray,
  or,
  sql,
} from "drizzle-orm";
import { foldWorkload } from "../../domain/reports/workload.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import type { Db } from "../../store/database.ts";
import { inWorkspace } from "../../store/queries/workspace-scope.ts";
import { conversations, messages, openLoadCondition } from "../../store/schema/index.ts";

export type WorkloadQuery = { workspaceId: string; from?: Date; to?: Date };

const dayMs = 86_400_000;

/** Open conversations per (assignee, team), from the partial index `conversations_open_load` alone. */
export function openLoadCounts(db: Db, workspaceId: string, now: Date) {
  const c = conversations;
  const owed = sql`${c.awaitingSince} is not null`;
  const due = sql`coalesce(${c.firstResponseDueAt}, ${c.nextResponseDueAt})`;
  return db
    .select({
      assigneeId: c.assigneeId,
      teamId: c.teamId,
      open: count(),
      owed: sql<number>`count(*) filter (where ${owed})`.mapWith(Number),
      overdue:
        sql<number>`count(*) filter (where ${owed} and ${due} < ${now.toISOString()})`.mapWith(
          Number,
        ),
      breached: sql<number>`count(*) filter (where ${c.slaAlerts} ? 'breach')`.mapWith(Number),
    })
    .from(c)
    .where(inWorkspace(c, workspaceId, openLoadCondition))
    .groupBy(c.assigneeId, c.teamId);
}

/** Each advisor's human answers of the period, from the partial index `messages_human_answers` alone. */
export function answerCountsOf(db: Db, workspaceId: string, from: Date, to: Date) {
  const m = messages;
  return db
    .select({
      userId: sql<string>`${m.authorUserId}`,
      answers: count(),
      conversations: countDistinct(m.conversationId),
    })
    .from(m)
    .where(
      inWorkspace(
        m,
        workspaceId,
        gte(m.createdAt, from),
        lt(m.createdAt, to),
        eq(m.direction, "outbound"),
        eq(m.authorKind, "user"),
        isNotNull(m.authorUserId),
        not(m.automated),
        or(isNull(m.delivery), notInArray(m.delivery, ["failed", "bounced"])),
      ),
    )
    .groupBy(m.authorUserId);
}

export async function workloadReport(rt: Runtime, q: WorkloadQuery) {
  const now = rt.now();
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - 7 * dayMs);
  if (from >= to) throw new DeskError("invalid_input", "from must be before to");
  if (to.getTime() - from.getTime() > 366 * dayMs)
    throw new DeskError("invalid_input", "a period is at most a year");

  // The two counts read different tables: asked together, the report waits for the slower only.
  const openCounts = openLoadCounts(rt.db, q.workspaceId, now);

  const answerCounts = answerCountsOf(rt.db, q.workspaceId, from, to);

  const [open, answers] = await Promise.all([openCounts, answerCounts]);
  return { from, to, at: now, ...foldWorkload(open, answers) };
}
