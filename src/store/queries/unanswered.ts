// The unanswered view: conversations whose latest customer message has no human answer, soonest due first.
import { and, asc, eq, gt, isNotNull, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { conversations, customers } from "../schema/index.ts";

export type UnansweredFilter = {
  workspaceId: string;
  brandId?: string;
  assigneeId?: string;
  after?: { at: Date; id: string };
  limit: number;
};

// The indexed expression; conversations without a running clock (null) sort after every due one.
const dueAt = sql<Date | null>`coalesce(${conversations.firstResponseDueAt}, ${conversations.nextResponseDueAt})`;
// A cursor in the null region carries this instant.
const noClock = new Date("9999-12-31T00:00:00Z");

export async function listUnanswered(db: Db, f: UnansweredFilter) {
  const where: SQL[] = [
    eq(conversations.workspaceId, f.workspaceId),
    isNotNull(conversations.awaitingSince),
    eq(conversations.spam, false),
    notInArray(conversations.status, ["resolved", "closed"]),
  ];
  if (f.brandId) where.push(eq(conversations.brandId, f.brandId));
  if (f.assigneeId) where.push(eq(conversations.assigneeId, f.assigneeId));
  if (f.after && f.after.at.getTime() === noClock.getTime()) {
    where.push(and(sql`${dueAt} is null`, gt(conversations.id, f.after.id)) as SQL);
  } else if (f.after) {
    const { at, id } = f.after;
    where.push(
      or(gt(dueAt, at), and(eq(dueAt, at), gt(conversations.id, id)), sql`${dueAt} is null`) as SQL,
    );
  }
  const rows = await db
    .select({
      conversation: conversations,
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
    .orderBy(sql`${dueAt} asc nulls last`, asc(conversations.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    rows: page,
    next:
      rows.length > f.limit && last
        ? { at: last.dueAt ?? noClock, id: last.conversation.id }
        : null,
  };
}
