// Recomputes whether a conversation is answered, since when it waits, and its due times, from its messages.
import { and, eq } from "drizzle-orm";
import { answerState } from "../../domain/conversation/answer.ts";
import type { ConversationStatus } from "../../domain/conversation/status.ts";
import type { Tx } from "../../store/database.ts";
import { conversations, messages } from "../../store/schema/index.ts";
import { clockColumns } from "./clocks.ts";

type Conversation = typeof conversations.$inferSelect;

export async function refreshAnswerState(
  tx: Tx,
  conversation: Conversation,
  now: Date,
  changes: { status?: ConversationStatus } = {},
): Promise<Conversation> {
  const facts = await tx
    .select({
      direction: messages.direction,
      channel: messages.channel,
      authorKind: messages.authorKind,
      automated: messages.automated,
      delivery: messages.delivery,
      spam: messages.spam,
      answering: messages.answering,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, conversation.workspaceId),
        eq(messages.conversationId, conversation.id),
      ),
    );
  const state = answerState(facts);
  const floor = conversation.clockFloorAt;
  if (floor && state.awaitingSince && state.awaitingSince < floor) state.awaitingSince = floor;
  // List and bulk mail is owed nothing until an advisor says it is (mark-bulk.ts).
  if (conversation.bulk) state.awaitingSince = null;
  const status = changes.status ?? conversation.status;
  const clock = await clockColumns(
    tx,
    {
      workspaceId: conversation.workspaceId,
      brandId: conversation.brandId,
      channel: conversation.channel,
      priority: conversation.priority,
      status,
      awaitingSince: state.awaitingSince,
      firstHumanAnswerAt: state.firstHumanAnswerAt,
      createdAt: conversation.createdAt,
      at: now,
    },
    conversation,
  );
  const [updated] = await tx
    .update(conversations)
    .set({
      status,
      answered: state.answered,
      awaitingSince: state.awaitingSince,
      firstHumanAnswerAt: state.firstHumanAnswerAt,
      ...clock,
      updatedAt: now,
    })
    .where(
      and(
        eq(conversations.workspaceId, conversation.workspaceId),
        eq(conversations.id, conversation.id),
      ),
    )
    .returning();
  if (!updated) throw new Error("the conversation vanished");
  return updated;
}
