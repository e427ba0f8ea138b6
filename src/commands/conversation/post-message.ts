// An advisor writes on a conversation: a reply to the customer (sent by mail as a durable job, with
// its copies and files; on a widget conversation shown in the widget, by mail only when the visitor
// left) or an internal note. A reply puts the conversation in waiting_customer
// unless the advisor keeps it open.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { onHumanReply, onNote } from "../../domain/conversation/transitions.ts";
import { replySubject } from "../../domain/mail/acknowledgement.ts";
import { bareContentType } from "../../domain/mail/content-sniff.ts";
import { safeFilename } from "../../domain/mail/safe-filename.ts";
import { chatReplyPlan, visitorConnected } from "../../domain/widget/chat-reply.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { customerEmailOf } from "../../store/queries/conversations.ts";
import { conversationVisitorSeenAt } from "../../store/queries/widget.ts";
import { attachments, brands, conversations, messages } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { conversationMessageId } from "../mail/reply-message-id.ts";
import { runCommand, type UseCase } from "../run-command.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockConversation } from "./load.ts";
import { refreshAnswerState } from "./refresh-answer-state.ts";

/** A file sent with a reply or kept with a note. */
export type NewAttachment = { filename: string; contentType: string; content: Uint8Array };

export type PostMessageInput = {
  conversationId: string;
  kind: "reply" | "note";
  body: string;
  /** Keep the conversation open after a reply instead of waiting on the customer. */
  keepOpen?: boolean;
  /** Addresses a reply is copied to (Cc). */
  cc?: string[];
  attachments?: NewAttachment[];
};

/** What one message may carry: a mail of 10 MB of files still passes most mail servers. */
export const messageLimits = { attachments: 10, attachmentBytes: 10 * 1024 * 1024, cc: 10 };

type Conversation = typeof conversations.$inferSelect;
type Message = typeof messages.$inferSelect;
type Attachment = typeof attachments.$inferSelect;

export const writeMessage: UseCase<
  PostMessageInput,
  { message: Message; attachments: Attachment[]; conversation: Conversation }
> = async (uow, p, input) => {
  checkLimits(input);
  const conversation = await lockConversation(uow.tx, p.workspaceId, input.conversationId);
  const { message, status } =
    input.kind === "note"
      ? await storeNote(uow, p, conversation, input.body)
      : await storeReply(uow, p, conversation, input);
  const files = await storeAttachments(uow, p.workspaceId, message.id, input.attachments ?? []);
  await uow.tx
    .update(conversations)
    .set({ messageCount: sql`${conversations.messageCount} + 1`, lastActivityAt: uow.now })
    .where(
      and(eq(conversations.workspaceId, p.workspaceId), eq(conversations.id, conversation.id)),
    );
  const updated = await refreshAnswerState(uow.tx, conversation, uow.now, { status });
  await uow.record({
    type: input.kind === "note" ? "note.added" : "reply.written",
    conversationId: conversation.id,
    customerId: conversation.customerId,
    data: { message_id: message.id },
    ...(status !== conversation.status
      ? { before: { status: conversation.status }, after: { status } }
      : {}),
  });
  return { message, attachments: files, conversation: updated };
};

function checkLimits(input: PostMessageInput) {
  const files = input.attachments ?? [];
  if (input.kind === "note" && (input.cc?.length ?? 0) > 0)
    throw new DeskError("invalid_input", "a note is not sent: it has no copies (cc)");
  if (files.length > messageLimits.attachments)
    throw new DeskError(
      "payload_too_large",
      `at most ${messageLimits.attachments} files on one message`,
    );
  const total = files.reduce((sum, f) => sum + f.content.byteLength, 0);
  if (total > messageLimits.attachmentBytes)
    throw new DeskError(
      "payload_too_large",
      `the files come to ${total} bytes: at most ${messageLimits.attachmentBytes} on one message`,
    );
}

/** The bytes are kept (fsynced) before the transaction commits the rows that name them. */
async function storeAttachments(
  uow: UnitOfWork,
  workspaceId: string,
  messageId: string,
  files: NewAttachment[],
): Promise<Attachment[]> {
  if (files.length === 0) return [];
  const rows = await Promise.all(
    files.map(async (file) => ({
      workspaceId,
      id: uow.newId(),
      messageId,
      filename: safeFilename(file.filename),
      contentType: bareContentType(file.contentType) || "application/octet-stream",
      size: file.content.byteLength,
      sha256: createHash("sha256").update(file.content).digest("hex"),
      blobKey: await uow.runtime.blobs.put(file.content, { kind: "attachment" }),
      createdAt: uow.now,
    })),
  );
  return uow.tx.insert(attachments).values(rows).returning();
}

/** The same use case run in its own transaction (for callers outside HTTP: the demo, tests). */
export function postMessage(rt: Runtime, p: Principal, input: PostMessageInput) {
  return runCommand(rt, writeMessage, p, input);
}

function authorOf(uow: UnitOfWork, p: Principal, conversation: Conversation, body: string) {
  const human = p.actor.kind === "user";
  return {
    workspaceId: p.workspaceId,
    id: uow.newId(),
    conversationId: conversation.id,
    authorKind: human ? ("user" as const) : ("system" as const),
    authorUserId: human ? p.actor.id : null,
    authorName: p.actor.name,
    bodyText: body,
    createdAt: uow.now,
  };
}

async function storeNote(uow: UnitOfWork, p: Principal, conversation: Conversation, body: string) {
  const [message] = await uow.tx
    .insert(messages)
    .values({
      ...authorOf(uow, p, conversation, body),
      direction: "note",
      channel: conversation.channel,
      subject: "",
    })
    .returning();
  if (!message) throw new Error("the note was not stored");
  return { message, status: onNote(conversation.status) };
}

/** A reply leaves by mail as a job, from the brand's first address, signed to come back here. */
async function storeReply(
  uow: UnitOfWork,
  p: Principal,
  conversation: Conversation,
  input: PostMessageInput,
) {
  const decision = onHumanReply(conversation.status, { keepOpen: input.keepOpen ?? false });
  if (!decision.ok) throw new DeskError("invalid_transition", decision.message);
  const ws = p.workspaceId;
  const [brand] = await uow.tx
    .select({ addresses: brands.addresses })
    .from(brands)
    .where(and(eq(brands.workspaceId, ws), eq(brands.id, conversation.brandId)));
  const email = await customerEmailOf(uow.tx, ws, conversation.customerId);
  const from = brand?.addresses[0] ?? uow.runtime.config.supportAddress;
  const target = { workspaceId: ws, conversationId: conversation.id };
  const plan = await replyPlan(uow, conversation, email?.value ?? null);
  const [message] = await uow.tx
    .insert(messages)
    .values({
      ...authorOf(uow, p, conversation, input.body),
      direction: "outbound",
      channel: plan.channel,
      subject: replySubject(conversation.subject, conversation.reference),
      externalId: conversationMessageId(uow.runtime.secret, uow.randomBytes, target, from),
      authorEmail: from,
      cc: [...new Set(input.cc ?? [])],
      delivery: plan.delivery,
      deliveryError:
        plan.delivery === "failed"
          ? "this customer has no email address: call them and log the call"
          : null,
    })
    .returning();
  if (!message) throw new Error("the reply was not stored");
  if (plan.mail) await uow.enqueue("send-mail", { workspaceId: ws, messageId: message.id });
  // An advisor answering a mail treats it as a customer's: the spam model learns that (a job).
  if (p.actor.kind === "user" && conversation.channel === "email" && !conversation.spam) {
    await uow.enqueue("learn-spam-lessons", {
      workspaceId: ws,
      conversationId: conversation.id,
      mark: "not_spam",
    });
  }
  return { message, status: decision.status };
}

type ReplyPlan = {
  channel: "chat" | "email";
  delivery: "sent" | "queued" | "failed";
  mail: boolean;
};

/**
 * A conversation begun in the chat widget answers through it (domain/widget/chat-reply.ts); any
 * other leaves by mail, or fails at once when the customer has no address.
 */
async function replyPlan(
  uow: UnitOfWork,
  conversation: Conversation,
  email: string | null,
): Promise<ReplyPlan> {
  if (conversation.channel === "chat") {
    const widget = await conversationVisitorSeenAt(
      uow.tx,
      conversation.workspaceId,
      conversation.id,
    );
    if (widget.visitor) {
      return chatReplyPlan({ connected: visitorConnected(widget.seenAt, uow.now), email });
    }
  }
  return email
    ? { channel: "email", delivery: "queued", mail: true }
    : { channel: "email", delivery: "failed", mail: false };
}
