// An advisor snoozes a conversation until a date, or wakes it: it leaves their active views until
// then (or until the customer writes), but its clocks run on and the unanswered watch still shows it.
import { and, eq } from "drizzle-orm";
import { isFinished } from "../../domain/conversation/status.ts";
import { DeskError } from "../../errors.ts";
import { conversations } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockConversation } from "./load.ts";

/** `until` null wakes the conversation. */
export type SnoozeInput = { conversationId: string; until: Date | null };

/** A snooze longer than this is a forgotten conversation, not a plan. */
export const longestSnoozeDays = 365;

export async function snoozeConversation(
  uow: UnitOfWork,
  p: Principal,
  { conversationId, until }: SnoozeInput,
) {
  const { tx, now } = uow;
  const before = await lockConversation(tx, p.workspaceId, conversationId);
  if (until) {
    if (until <= now) throw new DeskError("invalid_input", "a snooze ends in the future");
    if (until.getTime() - now.getTime() > longestSnoozeDays * 86_400_000) {
      throw new DeskError("invalid_input", `a snooze lasts at most ${longestSnoozeDays} days`);
    }
    if (isFinished(before.status)) {
      throw new DeskError("conflict", `a ${before.status} conversation cannot be snoozed`);
    }
  } else if (!before.snoozedUntil) {
    return before;
  }
  const [after] = await tx
    .update(conversations)
    .set({ snoozedUntil: until, snoozedAt: until ? now : null, updatedAt: now })
    .where(and(eq(conversations.workspaceId, p.workspaceId), eq(conversations.id, conversationId)))
    .returning();
  if (!after) throw new Error("the conversation vanished");
  await uow.record(
    until
      ? {
          type: "conversation.snoozed",
          conversationId,
          customerId: before.customerId,
          before: { snoozed_until: before.snoozedUntil?.toISOString() ?? null },
          after: { snoozed_until: until.toISOString() },
          data: { until: until.toISOString() },
        }
      : {
          type: "conversation.unsnoozed",
          conversationId,
          customerId: before.customerId,
          before: { snoozed_until: before.snoozedUntil?.toISOString() ?? null },
          after: { snoozed_until: null },
        },
  );
  return after;
}
