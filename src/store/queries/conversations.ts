// Reading conversations: keyset-paged lists (newest activity first) and one conversation with its messages.
import { and, asc, desc, eq, ilike, inArray, lt, or, type SQL } from "drizzle-orm";
import type { ConversationStatus } from "../../domain/conversation/status.ts";
import type { Db, Tx } from "../database.ts";
import {
  attachments,
  conversations,
  customerIdentities,
  customers,
  messages,
} from "../schema/index.ts";

export type ConversationFilter = {
  workspaceId: string;
  statuses?: ConversationStatus[];
  customerEmail?: string;
  brandId?: string;
  assigneeId?: string;
  q?: string;
  spam?: boolean;
  after?: { at: Date; id: string };
  limit: number;
};

export async function listConversations(db: Db, f: ConversationFilter) {
  const where: SQL[] = [eq(conversations.workspaceId, f.workspaceId)];
  if (f.statuses && f.statuses.length > 0) where.push(inArray(conversations.status, f.statuses));
  if (f.brandId) where.push(eq(conversations.brandId, f.brandId));
  if (f.assigneeId) where.push(eq(conversations.assigneeId, f.assigneeId));
  if (f.spam !== undefined) where.push(eq(conversations.spam, f.spam));
  if (f.customerEmail) {
    where.push(
      inArray(
        conversations.customerId,
        db
          .select({ id: customerIdentities.customerId })
          .from(customerIdentities)
          .where(
            and(
              eq(customerIdentities.workspaceId, f.workspaceId),
              eq(customerIdentities.kind, "email"),
              eq(customerIdentities.value, f.customerEmail.trim().toLowerCase()),
            ),
          ),
      ),
    );
  }
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(conversations.subject, pattern),
        eq(conversations.reference, f.q.toUpperCase().replace(/[[\]#]/g, "")),
      ) as SQL,
    );
  }
  if (f.after) {
    where.push(
      or(
        lt(conversations.lastActivityAt, f.after.at),
        and(eq(conversations.lastActivityAt, f.after.at), lt(conversations.id, f.after.id)),
      ) as SQL,
    );
  }
  const rows = await db
    .select({ conversation: conversations, customerName: customers.name })
    .from(conversations)
    .innerJoin(
      customers,
      and(
        eq(customers.workspaceId, conversations.workspaceId),
        eq(customers.id, conversations.customerId),
      ),
    )
    .where(and(...where))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    rows: page,
    next:
      rows.length > f.limit && last
        ? { at: last.conversation.lastActivityAt, id: last.conversation.id }
        : null,
  };
}

export async function getConversation(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({ conversation: conversations, customerName: customers.name })
    .from(conversations)
    .innerJoin(
      customers,
      and(
        eq(customers.workspaceId, conversations.workspaceId),
        eq(customers.id, conversations.customerId),
      ),
    )
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
  return row ?? null;
}

export async function messagesOf(db: Db, workspaceId: string, conversationId: string) {
  const list = await db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files =
    list.length === 0
      ? []
      : await db
          .select()
          .from(attachments)
          .where(
            and(
              eq(attachments.workspaceId, workspaceId),
              inArray(
                attachments.messageId,
                list.map((m) => m.id),
              ),
            ),
          );
  return list.map((m) => ({ ...m, attachments: files.filter((a) => a.messageId === m.id) }));
}

export const customerEmailOf = async (db: Tx, workspaceId: string, customerId: string) => {
  const [row] = await db
    .select({ value: customerIdentities.displayValue, flags: customerIdentities.flags })
    .from(customerIdentities)
    .where(
      and(
        eq(customerIdentities.workspaceId, workspaceId),
        eq(customerIdentities.customerId, customerId),
        eq(customerIdentities.kind, "email"),
      ),
    )
    .orderBy(asc(customerIdentities.createdAt))
    .limit(1);
  return row ?? null;
};
