// The replies that waited for a visitor who had left without an email are sent when their widget
// reads the conversation again: from then they are human answers (domain/widget/chat-reply.ts),
// each with its `message.delivered` event as a mail's has.
import { and, eq } from "drizzle-orm";
import { messages } from "../../store/schema/index.ts";
import { lockConversation } from "../conversation/load.ts";
import { refreshAnswerState } from "../conversation/refresh-answer-state.ts";
import type { UseCase } from "../run-command.ts";

export const handWaitingReplies: UseCase<{ conversationId: string }, number> = async (
  uow,
  p,
  input,
) => {
  const conversation = await lockConversation(uow.tx, p.workspaceId, input.conversationId);
  const handed = await uow.tx
    .update(messages)
    .set({ delivery: "sent" })
    .where(
      and(
        eq(messages.workspaceId, p.workspaceId),
        eq(messages.conversationId, conversation.id),
        eq(messages.direction, "outbound"),
        eq(messages.channel, "chat"),
        eq(messages.delivery, "queued"),
      ),
    )
    .returning({ id: messages.id });
  if (handed.length === 0) return 0;
  await uow.recordAll(
    handed.map((m) => ({
      type: "message.delivered" as const,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      data: { message_id: m.id, automated: false },
    })),
  );
  await refreshAnswerState(uow.tx, conversation, uow.now);
  return handed.length;
};
