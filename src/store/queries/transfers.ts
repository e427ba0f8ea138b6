// Reading transfers: the ones waiting for a person (keyset-paged, newest first) with what the console
// shows of their conversation, and the whole transfer history of one conversation.
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TransferStatus } from "../../domain/conversation/transfer.ts";
import type { Db } from "../database.ts";
import { conversations, conversationTransfers, customers, users } from "../schema/index.ts";
import { countCap } from "./conversation-views.ts";
import { after, createdPosition, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

const t = conversationTransfers;
const newest: Keyset = { at: t.createdAt, id: t.id };
const sender = alias(users, "sender");
const receiver = alias(users, "receiver");

/** A transfer with the names and the conversation facts every list shows beside it. */
function withContext(db: Db) {
  return db
    .select({
      transfer: t,
      fromName: sender.name,
      toName: receiver.name,
      reference: conversations.reference,
      subject: conversations.subject,
      customerId: conversations.customerId,
      customerName: customers.name,
    })
    .from(t)
    .innerJoin(
      conversations,
      and(eq(conversations.workspaceId, t.workspaceId), eq(conversations.id, t.conversationId)),
    )
    .innerJoin(
      customers,
      and(
        eq(customers.workspaceId, conversations.workspaceId),
        eq(customers.id, conversations.customerId),
      ),
    )
    .innerJoin(receiver, and(eq(receiver.workspaceId, t.workspaceId), eq(receiver.id, t.toId)))
    .leftJoin(sender, and(eq(sender.workspaceId, t.workspaceId), eq(sender.id, t.fromId)));
}

export type TransferRow = Awaited<ReturnType<typeof transfersOf>>[number];

export type TransferFilter = {
  workspaceId: string;
  toId?: string | undefined;
  fromId?: string | undefined;
  status?: TransferStatus | undefined;
  after?: Position | undefined;
  limit: number;
};

export async function listTransfers(db: Db, f: TransferFilter) {
  const where: Array<SQL | undefined> = [after(newest, f.after)];
  if (f.toId) where.push(eq(t.toId, f.toId));
  if (f.fromId) where.push(eq(t.fromId, f.fromId));
  if (f.status) where.push(eq(t.status, f.status));
  const rows = await withContext(db)
    .where(inWorkspace(t, f.workspaceId, ...where))
    .orderBy(...orderOf(newest))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => createdPosition(r.transfer));
}

/**
 * How many transfers match, counted up to one past `countCap` (the header's "Transfers to accept"
 * badge: a person's pending ones, through `conversation_transfers_to_pending`).
 */
export async function countTransfers(db: Db, f: Omit<TransferFilter, "after" | "limit">) {
  const where: SQL[] = [];
  if (f.toId) where.push(eq(t.toId, f.toId));
  if (f.fromId) where.push(eq(t.fromId, f.fromId));
  if (f.status) where.push(eq(t.status, f.status));
  const capped = db
    .select({ one: sql`1`.as("one") })
    .from(t)
    .where(inWorkspace(t, f.workspaceId, ...where))
    .limit(countCap + 1)
    .as("capped");
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(capped);
  const n = row?.n ?? 0;
  return { count: Math.min(n, countCap), more: n > countCap };
}

/** Every transfer of one conversation, oldest first (a conversation is transferred a few times). */
export function transfersOf(db: Db, workspaceId: string, conversationId: string) {
  return withContext(db)
    .where(inWorkspace(t, workspaceId, eq(t.conversationId, conversationId)))
    .orderBy(asc(t.createdAt), asc(t.id));
}

/** One transfer with its context (what a write answers). */
export async function transferWithContext(db: Db, workspaceId: string, id: string) {
  const [row] = await withContext(db).where(inWorkspace(t, workspaceId, eq(t.id, id)));
  return row ?? null;
}
