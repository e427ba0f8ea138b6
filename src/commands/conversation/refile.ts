// Moves a conversation into or out of a view that owes nothing (Spam, list and bulk mail): out of
// it, the conversation is owed an answer and its clocks start from this moment.
import { and, eq } from "drizzle-orm";
import { conversations } from "../../store/schema/index.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { refreshAnswerState } from "./refresh-answer-state.ts";

type Conversation = typeof conversations.$inferSelect;
type View = { spam: boolean } | { bulk: boolean };
type Refiled =
  | "conversation.marked_spam"
  | "conversation.marked_not_spam"
  | "conversation.marked_bulk"
  | "conversation.marked_owed_answer";

export async function refile(uow: UnitOfWork, before: Conversation, view: View, type: Refiled) {
  const { tx, now } = uow;
  const [key, owesNothing] = Object.entries(view)[0] as ["spam" | "bulk", boolean];
  const [moved] = await tx
    .update(conversations)
    .set({
      ...view,
      clockFloorAt: owesNothing ? before.clockFloorAt : now,
      updatedAt: now,
      lastActivityAt: now,
    })
    .where(and(eq(conversations.workspaceId, before.workspaceId), eq(conversations.id, before.id)))
    .returning();
  if (!moved) throw new Error("the conversation vanished");
  const after = await refreshAnswerState(tx, moved, now);
  await uow.record({
    type,
    conversationId: before.id,
    customerId: before.customerId,
    before: { [key]: before[key] },
    after: view,
  });
  return after;
}
