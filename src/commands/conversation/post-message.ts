// An advisor writes on a conversation: a reply to the customer (sent by mail as a durable job) or an
// internal note. A reply puts the conversation in waiting_customer unless the advisor keeps it open.
import { and, eq, sql } from "drizzle-orm";
import { conversationMessageId } from "../../channels/email/reply-token-crypto.ts";
import { onHumanReply } from "../../domain/conversation/transitions.ts";
import { replySubject } from "../../domain/mail/acknowledgement.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { customerEmailOf } from "../../store/queries/conversations.ts";
import { brands, conversations, messages } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { recordEvent } from "../events/record-event.ts";
import { lockConversation } from "./load.ts";
import { refreshAnswerState } from "./refresh-answer-state.ts";

export type PostMessageInput = {
  conversationId: string;
  kind: "reply" | "note";
  body: string;
  /** Keep the conversation open after a reply instead of waiting on the customer. */
  keepOpen?: boolean;
};

export async function postMessage(rt: Runtime, p: Principal, input: PostMessageInput) {
  return rt.db.transaction(async (tx) => {
    const now = rt.now();
    const conversation = await lockConversation(tx, p.workspaceId, input.conversationId);
    const ws = p.workspaceId;
    const human = p.actor.kind === "user";
    let status = conversation.status;
    const base = {
      workspaceId: ws,
      id: rt.newId(),
      conversationId: conversation.id,
      authorKind: human ? ("user" as const) : ("system" as const),
      authorUserId: human ? p.actor.id : null,
      authorName: p.actor.name,
      bodyText: input.body,
      createdAt: now,
    };
    let message: typeof messages.$inferSelect | undefined;
    if (input.kind === "note") {
      [message] = await tx
        .insert(messages)
        .values({ ...base, direction: "note", channel: conversation.channel, subject: "" })
        .returning();
      if (status === "new") status = "open";
    } else {
      const decision = onHumanReply(conversation.status, { keepOpen: input.keepOpen ?? false });
      if (!decision.ok) throw new DeskError("invalid_transition", decision.message);
      status = decision.status;
      const [brand] = await tx
        .select()
        .from(brands)
        .where(and(eq(brands.workspaceId, ws), eq(brands.id, conversation.brandId)));
      const email = await customerEmailOf(tx, ws, conversation.customerId);
      const from = brand?.addresses[0] ?? rt.config.supportAddress;
      const messageId = conversationMessageId(
        rt.secret,
        { workspaceId: ws, conversationId: conversation.id },
        from,
      );
      [message] = await tx
        .insert(messages)
        .values({
          ...base,
          direction: "outbound",
          channel: "email",
          subject: replySubject(conversation.subject, conversation.reference),
          externalId: messageId,
          authorEmail: from,
          delivery: email ? "queued" : "failed",
          deliveryError: email
            ? null
            : "this customer has no email address: call them and log the call",
        })
        .returning();
      if (message && email)
        await rt.queue.send(tx, "send-mail", { workspaceId: ws, messageId: message.id });
      // An advisor answering a mail treats it as a customer's: the spam model learns that (a job).
      if (human && conversation.channel === "email" && !conversation.spam) {
        await rt.queue.send(tx, "learn-spam-lessons", {
          workspaceId: ws,
          conversationId: conversation.id,
          mark: "not_spam",
        });
      }
    }
    if (!message) throw new Error("the message was not stored");
    await tx
      .update(conversations)
      .set({ messageCount: sql`${conversations.messageCount} + 1`, lastActivityAt: now })
      .where(and(eq(conversations.workspaceId, ws), eq(conversations.id, conversation.id)));
    const updated = await refreshAnswerState(tx, conversation, now, { status });
    await recordEvent(tx, {
      workspaceId: ws,
      id: rt.newId(),
      at: now,
      type: input.kind === "note" ? "note.added" : "reply.written",
      actor: p.actor,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      data: { message_id: message.id },
      ...(status !== conversation.status
        ? { before: { status: conversation.status }, after: { status } }
        : {}),
    });
    return { message, conversation: updated };
  });
}
