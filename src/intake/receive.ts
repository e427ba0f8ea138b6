// The one path every inbound message takes, whatever its channel: resolve the customer, thread,
// store, start the clocks — in one transaction, committed before the channel acknowledges anything.
import { and, asc, eq, sql } from "drizzle-orm";
import { clockColumns } from "../commands/conversation/clocks.ts";
import { type EventInput, recordEvents } from "../commands/events/record-event.ts";
import type { Channel } from "../domain/conversation/status.ts";
import { onCustomerMessage } from "../domain/conversation/transitions.ts";
import type { SpamReason } from "../domain/mail/spam-rules.ts";
import { newReference } from "../domain/reference.ts";
import type { Runtime } from "../runtime.ts";
import type { Tx } from "../store/database.ts";
import { attachments, brands, conversations, messages } from "../store/schema/index.ts";
import { resolveCustomer, type Sender } from "./resolve-customer.ts";
import { type Conversation, findThread, type ThreadHints } from "./thread.ts";

export type StoredAttachment = {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  blobKey: string;
  contentId: string | null;
  inline: boolean;
};

export type InboundMessage = {
  workspaceId: string;
  channel: Channel;
  /** The brand written to (by the recipient address); the workspace's first brand when unset. */
  brandId?: string | null;
  from: Sender;
  subject?: string | null;
  bodyText: string;
  /** Already sanitised by the channel. */
  bodyHtml?: string | null;
  externalId?: string | null;
  /** Decides "the same message again" (a re-delivery): unique per workspace. */
  dedupeKey?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  thread?: ThreadHints;
  spam?: { score: number; reasons: SpamReason[]; likely: boolean } | null;
  /**
   * An automatic reply (out-of-office, a robot): it joins the conversation it answers without
   * reopening it or starting a clock, and never opens one of its own (NoThread is thrown instead).
   */
  autoReply?: boolean;
  /** The channel has just looked for an earlier copy (dedupeKey) and found none: skip that look. */
  knownNew?: boolean;
  flags?: string[];
  rawBlobKey?: string | null;
  attachments?: StoredAttachment[];
};

export type Intake = {
  conversationId: string;
  messageId: string;
  customerId: string;
  reference: string;
  duplicate: boolean;
  newConversation: boolean;
  newCustomer: boolean;
  /** The conversation was already open with this customer (a reply inside an open thread). */
  continued: boolean;
};

/** Follow-ups a channel writes in the same transaction (an acknowledgement job, say). */
export type AfterStore = (
  tx: Tx,
  intake: Intake,
  conversation: Conversation,
  brand: typeof brands.$inferSelect | undefined,
) => Promise<void>;

class Duplicate extends Error {}

/** An automatic reply that belongs to no conversation: the channel sets it aside. */
export class NoThread extends Error {}

async function brandFor(tx: Tx, message: InboundMessage) {
  const ws = eq(brands.workspaceId, message.workspaceId);
  const [brand] = message.brandId
    ? await tx
        .select()
        .from(brands)
        .where(and(ws, eq(brands.id, message.brandId)))
    : await tx.select().from(brands).where(ws).orderBy(asc(brands.createdAt)).limit(1);
  if (!brand) throw new Error(`workspace ${message.workspaceId} has no brand`);
  return brand;
}

async function openConversation(
  tx: Tx,
  rt: Runtime,
  message: InboundMessage,
  brandId: string,
  customerId: string,
  linkedTo: Conversation | null,
  flags: string[],
): Promise<Conversation> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await tx
      .insert(conversations)
      .values({
        workspaceId: message.workspaceId,
        id: rt.newId(),
        reference: newReference(rt.randomBytes),
        brandId,
        customerId,
        channel: message.channel,
        subject: (message.subject ?? "").slice(0, 500),
        linkedConversationId: linkedTo?.id ?? null,
        spam: message.spam?.likely ?? false,
        spamScore: message.spam?.score ?? null,
        flags,
        createdAt: rt.now(),
        lastActivityAt: rt.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  throw new Error("could not draw a free conversation reference");
}

async function store(rt: Runtime, message: InboundMessage, after?: AfterStore): Promise<Intake> {
  return rt.db.transaction(async (tx) => {
    const ws = message.workspaceId;
    const now = rt.now();
    const { customerId, created: newCustomer } = await resolveCustomer(tx, rt, ws, message.from);
    const brand = await brandFor(tx, message);
    const { conversation: found, pointedAt } = await findThread(
      tx,
      ws,
      customerId,
      message.thread ?? {},
    );
    if (message.autoReply && !found) throw new NoThread();
    const outcome = found && !message.autoReply ? onCustomerMessage(found.status) : null;
    let conversation: Conversation;
    let newConversation = false;
    if (found && (message.autoReply || outcome?.kind === "same")) {
      conversation = found;
    } else {
      const linked = found ?? pointedAt;
      const flags = pointedAt && !found ? ["pointed_at_another_customers_conversation"] : [];
      conversation = await openConversation(
        tx,
        rt,
        message,
        found?.brandId ?? brand.id,
        customerId,
        linked,
        flags,
      );
      newConversation = true;
    }
    const spam = message.spam?.likely ?? false;
    const [stored] = await tx
      .insert(messages)
      .values({
        workspaceId: ws,
        id: rt.newId(),
        conversationId: conversation.id,
        direction: "inbound",
        channel: message.channel,
        authorKind: "customer",
        authorCustomerId: customerId,
        authorName: message.from.name?.trim() ?? "",
        authorEmail: message.from.email?.trim().toLowerCase() ?? null,
        subject: (message.subject ?? "").slice(0, 500),
        bodyText: message.bodyText,
        bodyHtml: message.bodyHtml ?? null,
        externalId: message.externalId ?? null,
        dedupeKey: message.dedupeKey ?? null,
        inReplyTo: message.inReplyTo ?? null,
        references: message.references ?? [],
        spam,
        automated: message.autoReply ?? false,
        spamScore: message.spam?.score ?? null,
        spamReasons: message.spam?.reasons ?? [],
        flags: message.flags ?? [],
        rawBlobKey: message.rawBlobKey ?? null,
        createdAt: now,
      })
      .onConflictDoNothing({ target: [messages.workspaceId, messages.dedupeKey] })
      .returning();
    if (!stored) throw new Duplicate();
    if (message.attachments && message.attachments.length > 0) {
      await tx.insert(attachments).values(
        message.attachments.map((a) => ({
          ...a,
          workspaceId: ws,
          id: rt.newId(),
          messageId: stored.id,
        })),
      );
    }

    const status = outcome?.kind === "same" ? outcome.status : conversation.status;
    const awaited = !spam && !message.autoReply;
    const awaitingSince = awaited
      ? (conversation.awaitingSince ?? now)
      : conversation.awaitingSince;
    const clock = await clockColumns(
      tx,
      {
        workspaceId: ws,
        brandId: conversation.brandId,
        channel: conversation.channel,
        priority: conversation.priority,
        status,
        awaitingSince,
        firstHumanAnswerAt: conversation.firstHumanAnswerAt,
        createdAt: conversation.createdAt,
      },
      conversation,
      brand,
    );
    const [updated] = await tx
      .update(conversations)
      .set({
        status,
        awaitingSince,
        ...clock,
        ...(status !== conversation.status ? { resolvedAt: null, closeReason: null } : {}),
        messageCount: sql`${conversations.messageCount} + 1`,
        lastCustomerMessageAt: now,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(and(eq(conversations.workspaceId, ws), eq(conversations.id, conversation.id)))
      .returning();
    if (!updated) throw new Error("the conversation vanished while storing a message");

    const actor = { kind: "customer" as const, id: customerId, name: message.from.name ?? "" };
    const happened: EventInput[] = [];
    const event = (type: string, data?: unknown, before?: unknown, afterState?: unknown) =>
      happened.push({
        workspaceId: ws,
        id: rt.newId(),
        at: now,
        type,
        actor,
        conversationId: conversation.id,
        customerId,
        data,
        before,
        after: afterState,
      });
    if (newCustomer) event("customer.created", { channel: message.channel });
    if (newConversation) {
      event("conversation.created", {
        channel: message.channel,
        reference: conversation.reference,
        linked_conversation_id: conversation.linkedConversationId,
      });
    }
    event("message.received", { message_id: stored.id, channel: message.channel, spam });
    if (status !== conversation.status) {
      event(
        "conversation.status_changed",
        { reason: "customer_message" },
        { status: conversation.status },
        { status },
      );
    }
    await recordEvents(tx, happened);
    const intake: Intake = {
      conversationId: conversation.id,
      messageId: stored.id,
      customerId,
      reference: conversation.reference,
      duplicate: false,
      newConversation,
      newCustomer,
      continued: !newConversation,
    };
    if (after) await after(tx, intake, updated, brand.id === updated.brandId ? brand : undefined);
    return intake;
  });
}

/** The earlier copy of a re-delivered message. */
async function earlierCopy(rt: Runtime, message: InboundMessage): Promise<Intake | null> {
  const [row] = await rt.db
    .select({ message: messages, conversation: conversations })
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
        eq(messages.workspaceId, message.workspaceId),
        eq(messages.dedupeKey, message.dedupeKey ?? ""),
      ),
    );
  if (!row) return null;
  return {
    conversationId: row.conversation.id,
    messageId: row.message.id,
    customerId: row.conversation.customerId,
    reference: row.conversation.reference,
    duplicate: true,
    newConversation: false,
    newCustomer: false,
    continued: true,
  };
}

/** Stores an inbound message exactly once; a re-delivery answers the earlier copy. */
export async function receiveMessage(
  rt: Runtime,
  message: InboundMessage,
  after?: AfterStore,
): Promise<Intake> {
  if (message.dedupeKey && !message.knownNew) {
    const seen = await earlierCopy(rt, message);
    if (seen) return seen;
  }
  try {
    return await store(rt, message, after);
  } catch (error) {
    if (error instanceof Duplicate) {
      const seen = await earlierCopy(rt, message);
      if (seen) return seen;
    }
    throw error;
  }
}
