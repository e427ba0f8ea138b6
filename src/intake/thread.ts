// Which conversation each customer's message belongs to: explicit ids, our reply token, the mail's
// In-Reply-To/References, a [#REF] in the subject — each honoured only for the conversation's own
// customer or a member of the same organisation. A stranger's pointer opens a new, linked conversation,
// and so does a mail whose sender's domain disowns it (DMARC fails): anyone can write a customer's From.
// A whole batch is threaded with at most three reads.
import { and, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { DeskError } from "../errors.ts";
import type { Tx } from "../store/database.ts";
import {
  conversations,
  customers,
  messageInConversation,
  messages,
} from "../store/schema/index.ts";

export type Conversation = typeof conversations.$inferSelect;

export type ThreadHints = {
  /** Given by the sender through the API: must be the sender's own conversation (else 404). */
  conversationId?: string | null;
  reference?: string | null;
  /** From the mail: a verified reply token, the referenced Message-IDs, the subject's references. */
  tokenConversationId?: string | null;
  messageIds?: string[];
  subjectReferences?: string[];
  /** The sender's domain disowns the mail: its From proves nothing, so none of its pointers is theirs. */
  senderDisowned?: boolean;
};

export type Threading = { conversation: Conversation | null; pointedAt: Conversation | null };

export type ThreadQuestion = {
  customerId: string;
  /** Null for a customer created in this batch: they belong to no organisation yet. */
  organisationId: string | null;
  hints: ThreadHints;
};

const referencedIds = (hints: ThreadHints) => (hints.messageIds ?? []).slice(-50);

/** Each question's thread, in order; a DeskError (404) for an explicit pointer that is not theirs. */
export async function findThreads(
  tx: Tx,
  workspaceId: string,
  questions: ThreadQuestion[],
): Promise<Array<Threading | DeskError>> {
  const ids = new Set<string>();
  const references = new Set<string>();
  const messageIds = new Set<string>();
  for (const { hints } of questions) {
    if (hints.conversationId) ids.add(hints.conversationId);
    if (hints.tokenConversationId) ids.add(hints.tokenConversationId);
    if (hints.reference) references.add(hints.reference.toUpperCase());
    for (const r of hints.subjectReferences ?? []) references.add(r);
    for (const m of referencedIds(hints)) messageIds.add(m);
  }
  const direct: SQL[] = [];
  if (ids.size > 0) direct.push(inArray(conversations.id, [...ids]));
  if (references.size > 0) direct.push(inArray(conversations.reference, [...references]));
  const pointed =
    direct.length > 0
      ? await tx
          .select()
          .from(conversations)
          .where(and(eq(conversations.workspaceId, workspaceId), or(...direct)))
      : [];
  const quoted =
    messageIds.size > 0
      ? await tx
          .select({ externalId: messages.externalId, conversation: conversations })
          .from(messages)
          .innerJoin(conversations, messageInConversation)
          .where(
            and(
              eq(messages.workspaceId, workspaceId),
              inArray(messages.externalId, [...messageIds]),
            ),
          )
          .orderBy(desc(messages.createdAt))
      : [];
  const owners = new Set([
    ...pointed.map((c) => c.customerId),
    ...quoted.map((q) => q.conversation.customerId),
  ]);
  const organisationOf = new Map<string, string | null>();
  if (owners.size > 0) {
    const rows = await tx
      .select({ id: customers.id, organisationId: customers.organisationId })
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, [...owners])));
    for (const r of rows) organisationOf.set(r.id, r.organisationId);
  }
  const belongsTo = (c: Conversation, q: ThreadQuestion) =>
    c.customerId === q.customerId ||
    (q.organisationId !== null && q.organisationId === organisationOf.get(c.customerId));

  return questions.map((q) => {
    const { hints } = q;
    if (hints.conversationId || hints.reference) {
      const c = pointed.find((p) =>
        hints.conversationId
          ? p.id === hints.conversationId
          : p.reference === (hints.reference ?? "").toUpperCase(),
      );
      if (!c || !belongsTo(c, q)) {
        return new DeskError("not_found", "no such conversation for this customer");
      }
      return { conversation: c, pointedAt: null };
    }
    // In the order a single message was always threaded: token, quoted messages (newest first,
    // five at most), then the subject's references.
    const wantedIds = new Set(referencedIds(hints));
    const candidates = [
      ...pointed.filter((c) => c.id === hints.tokenConversationId),
      ...quoted
        .filter((r) => r.externalId !== null && wantedIds.has(r.externalId))
        .slice(0, 5)
        .map((r) => r.conversation),
      ...pointed.filter((c) => (hints.subjectReferences ?? []).includes(c.reference)),
    ];
    let pointedAt: Conversation | null = null;
    for (const c of candidates) {
      if (!hints.senderDisowned && belongsTo(c, q)) return { conversation: c, pointedAt: null };
      pointedAt ??= c;
    }
    return { conversation: null, pointedAt };
  });
}
