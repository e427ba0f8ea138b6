// The unanswered watch: conversations owed a human answer (snoozed or not: the promise stands),
// the least time left first and, among those due the same minute, the most urgent
// (domain/conversation/watch-order.ts), read in order from the index `conversations_unanswered`.
import { and, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import { noClock, urgencyOrder } from "../../domain/conversation/watch-order.ts";
import { DeskError } from "../../errors.ts";
import type { Db } from "../database.ts";
import { conversations, customers } from "../schema/index.ts";
import { watchDue, watchMinute, watchUrgency } from "../schema/watch-key.ts";
import { owedAnswerCondition } from "./conversation-views.ts";
import { type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

export type UnansweredFilter = {
  workspaceId: string;
  brandId?: string;
  assigneeId?: string;
  after?: Position | undefined;
  limit: number;
};

const dueAt = sql<Date | null>`coalesce(${conversations.firstResponseDueAt}, ${conversations.nextResponseDueAt})`;
const { searchVector: _vector, ...listedColumns } = getTableColumns(conversations);

/**
 * The rows after a position: one row comparison over the index's columns, so that it is an index
 * condition. The position carries the due time (`noClock` without one) and the urgency as rank.
 */
function afterPosition(p: Position): SQL {
  const rank = p.rank ?? -1;
  if (!Number.isInteger(rank) || rank < -1 || rank > urgencyOrder.length) {
    throw new DeskError("invalid_cursor", "this cursor was not issued by the unanswered watch");
  }
  const at = p.at.toISOString();
  return sql`(${watchMinute}, ${watchUrgency}, ${watchDue}, ${conversations.id}) >
    (date_trunc('minute', ${at}::timestamptz at time zone 'UTC'), ${rank}::int, ${at}::timestamptz, ${p.id}::uuid)`;
}

/** The page's query, unrun (its plan is checked by test/integration/watch-order.test.ts). */
export function unansweredQuery(db: Db, f: UnansweredFilter) {
  const where: SQL[] = [inWorkspace(conversations, f.workspaceId), owedAnswerCondition];
  if (f.brandId) where.push(eq(conversations.brandId, f.brandId));
  if (f.assigneeId) where.push(eq(conversations.assigneeId, f.assigneeId));
  if (f.after) where.push(afterPosition(f.after));
  return db
    .select({
      conversation: listedColumns,
      customerName: customers.name,
      dueAt: dueAt.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
      urgency: watchUrgency.mapWith(Number),
    })
    .from(conversations)
    .innerJoin(
      customers,
      and(
        eq(customers.workspaceId, conversations.workspaceId),
        eq(customers.id, conversations.customerId),
      ),
    )
    .where(and(...where))
    .orderBy(watchMinute, watchUrgency, watchDue, conversations.id)
    .limit(f.limit + 1);
}

export async function listUnanswered(db: Db, f: UnansweredFilter) {
  const rows = await unansweredQuery(db, f);
  return pageOf(rows, f.limit, (r) => ({
    at: r.dueAt ?? noClock,
    id: r.conversation.id,
    rank: r.urgency,
  }));
}
