// The unanswered watch: conversations owed a human answer (snoozed or not: the promise stands),
// soonest due first.
import { and, eq, getTableColumns, gt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { conversations, customers } from "../schema/index.ts";
import { owedAnswerCondition } from "./conversation-views.ts";
import { after, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

export type UnansweredFilter = {
  workspaceId: string;
  brandId?: string;
  assigneeId?: string;
  after?: Position | undefined;
  limit: number;
};

// The indexed expression; conversations without a running clock (null) sort after every due one.
const dueAt = sql<Date | null>`coalesce(${conversations.firstResponseDueAt}, ${conversations.nextResponseDueAt})`;
// A cursor in the null region carries this instant.
const noClock = new Date("9999-12-31T00:00:00Z");
const soonest: Keyset = { at: dueAt, id: conversations.id, order: "soonest" };
const { searchVector: _vector, ...listedColumns } = getTableColumns(conversations);

export async function listUnanswered(db: Db, f: UnansweredFilter) {
  const where: SQL[] = [inWorkspace(conversations, f.workspaceId), owedAnswerCondition];
  if (f.brandId) where.push(eq(conversations.brandId, f.brandId));
  if (f.assigneeId) where.push(eq(conversations.assigneeId, f.assigneeId));
  if (f.after && f.after.at.getTime() === noClock.getTime()) {
    where.push(and(sql`${dueAt} is null`, gt(conversations.id, f.after.id)) as SQL);
  } else if (f.after) {
    where.push(or(after(soonest, f.after), sql`${dueAt} is null`) as SQL);
  }
  const rows = await db
    .select({
      conversation: listedColumns,
      customerName: customers.name,
      dueAt: dueAt.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
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
    .orderBy(...orderOf(soonest))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => ({ at: r.dueAt ?? noClock, id: r.conversation.id }));
}
