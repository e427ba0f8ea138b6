// Which conversation a customer's message belongs to: explicit ids, our reply token, the mail's
// In-Reply-To/References, a [#REF] in the subject — each honoured only for the conversation's own
// customer or a member of the same organisation. A stranger's pointer opens a new, linked conversation.
import { and, desc, eq, inArray } from "drizzle-orm";
import { DeskError } from "../errors.ts";
import type { Tx } from "../store/database.ts";
import { conversations, customers, messages } from "../store/schema/index.ts";

export type Conversation = typeof conversations.$inferSelect;

export type ThreadHints = {
  /** Given by the sender through the API: must be the sender's own conversation (else 404). */
  conversationId?: string | null;
  reference?: string | null;
  /** From the mail: a verified reply token, the referenced Message-IDs, the subject's references. */
  tokenConversationId?: string | null;
  messageIds?: string[];
  subjectReferences?: string[];
};

export type Threading = { conversation: Conversation | null; pointedAt: Conversation | null };

async function organisationOf(tx: Tx, workspaceId: string, customerId: string) {
  const [row] = await tx
    .select({ organisationId: customers.organisationId })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
  return row?.organisationId ?? null;
}

async function belongsTo(tx: Tx, c: Conversation, customerId: string): Promise<boolean> {
  if (c.customerId === customerId) return true;
  const mine = await organisationOf(tx, c.workspaceId, customerId);
  return mine !== null && mine === (await organisationOf(tx, c.workspaceId, c.customerId));
}

async function candidates(
  tx: Tx,
  workspaceId: string,
  hints: ThreadHints,
): Promise<Conversation[]> {
  const found: Conversation[] = [];
  const ws = eq(conversations.workspaceId, workspaceId);
  if (hints.tokenConversationId) {
    found.push(
      ...(await tx
        .select()
        .from(conversations)
        .where(and(ws, eq(conversations.id, hints.tokenConversationId)))),
    );
  }
  if (hints.messageIds && hints.messageIds.length > 0) {
    const referenced = await tx
      .select({ conversation: conversations })
      .from(messages)
      .innerJoin(
        conversations,
        and(
          eq(conversations.workspaceId, messages.workspaceId),
          eq(conversations.id, messages.conversationId),
        ),
      )
      .where(
        and(
          eq(messages.workspaceId, workspaceId),
          inArray(messages.externalId, hints.messageIds.slice(-50)),
        ),
      )
      .orderBy(desc(messages.createdAt))
      .limit(5);
    found.push(...referenced.map((r) => r.conversation));
  }
  if (hints.subjectReferences && hints.subjectReferences.length > 0) {
    found.push(
      ...(await tx
        .select()
        .from(conversations)
        .where(and(ws, inArray(conversations.reference, hints.subjectReferences)))),
    );
  }
  return found;
}

export async function findThread(
  tx: Tx,
  workspaceId: string,
  customerId: string,
  hints: ThreadHints,
): Promise<Threading> {
  if (hints.conversationId || hints.reference) {
    const [c] = await tx
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.workspaceId, workspaceId),
          hints.conversationId
            ? eq(conversations.id, hints.conversationId)
            : eq(conversations.reference, (hints.reference ?? "").toUpperCase()),
        ),
      );
    if (!c || !(await belongsTo(tx, c, customerId))) {
      throw new DeskError("not_found", "no such conversation for this customer");
    }
    return { conversation: c, pointedAt: null };
  }
  let pointedAt: Conversation | null = null;
  for (const c of await candidates(tx, workspaceId, hints)) {
    if (await belongsTo(tx, c, customerId)) return { conversation: c, pointedAt: null };
    pointedAt ??= c;
  }
  return { conversation: null, pointedAt };
}
