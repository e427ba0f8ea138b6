// A reply an advisor sent in the story's past: stored as already delivered (never queued, so no real
// mail leaves for a demo customer), then the conversation's answer state is recomputed as for any reply.
import { and, eq, sql } from "drizzle-orm";
import type { Principal } from "../../../src/commands/access/principal.ts";
import { lockConversation } from "../../../src/commands/conversation/load.ts";
import { refreshAnswerState } from "../../../src/commands/conversation/refresh-answer-state.ts";
import { recordEvent } from "../../../src/commands/events/record-event.ts";
import { conversationMessageId } from "../../../src/commands/mail/reply-message-id.ts";
import type { Brand } from "../../../src/demo/write-setting.ts";
import type { ConversationStatus } from "../../../src/domain/conversation/status.ts";
import { onHumanReply } from "../../../src/domain/conversation/transitions.ts";
import { replySubject } from "../../../src/domain/mail/acknowledgement.ts";
import { DeskError } from "../../../src/errors.ts";
import type { Runtime } from "../../../src/runtime.ts";
import { conversations, messages } from "../../../src/store/schema/index.ts";

export type PastReply = {
  conversationId: string;
  body: string;
  brand: Brand;
  keepOpen: boolean;
};

/** Answers the conversation's status after the reply. */
export async function writePastReply(
  rt: Runtime,
  p: Principal,
  input: PastReply,
): Promise<ConversationStatus> {
  return rt.db.transaction(async (tx) => {
    const now = rt.now();
    const ws = p.workspaceId;
    const conversation = await lockConversation(tx, ws, input.conversationId);
    const decision = onHumanReply(conversation.status, { keepOpen: input.keepOpen });
    if (!decision.ok) throw new DeskError("invalid_transition", decision.message);
    const from = input.brand.addresses[0] ?? rt.config.supportAddress;
    const messageId = conversationMessageId(
      rt.secret,
      rt.randomBytes,
      { workspaceId: ws, conversationId: conversation.id },
      from,
    );
    const id = rt.newId();
    await tx.insert(messages).values({
      workspaceId: ws,
      id,
      conversationId: conversation.id,
      direction: "outbound",
      channel: "email",
      authorKind: "user",
      authorUserId: p.actor.id,
      authorName: p.actor.name,
      authorEmail: from,
      subject: replySubject(conversation.subject, conversation.reference),
      bodyText: input.body,
      externalId: messageId,
      delivery: "sent",
      deliveredAt: now,
      createdAt: now,
    });
    await tx
      .update(conversations)
      .set({ messageCount: sql`${conversations.messageCount} + 1`, lastActivityAt: now })
      .where(and(eq(conversations.workspaceId, ws), eq(conversations.id, conversation.id)));
    await refreshAnswerState(tx, conversation, now, { status: decision.status });
    await recordEvent(tx, {
      workspaceId: ws,
      id: rt.newId(),
      at: now,
      type: "reply.written",
      actor: p.actor,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      data: { message_id: id, demo: true },
      ...(decision.status !== conversation.status
        ? { before: { status: conversation.status }, after: { status: decision.status } }
        : {}),
    });
    return decision.status;
  });
}
