// Whether a conversation is owed a human answer right now (docs/CONTRACT.md §6), and whether it is
// snoozed: the one rule the API, the unanswered watch, the list rows and the header all read.
import { type ConversationStatus, isFinished } from "./status.ts";

export type OwedFacts = {
  /** The oldest customer message still without a human answer after it (answer.ts). */
  awaitingSince: Date | null;
  spam: boolean;
  bulk: boolean;
  status: ConversationStatus;
};

/**
 * Owed an answer: a customer message waits for a human answer, the conversation is neither spam
 * nor list mail, and it is not resolved or closed. A snooze never changes it: the promise stands.
 * `store/queries/unanswered.ts` states the same rule in SQL (`owedAnswerCondition`), under the
 * partial index `conversations_unanswered`.
 */
export function owesAnswer(c: OwedFacts): boolean {
  return c.awaitingSince !== null && !c.spam && !c.bulk && !isFinished(c.status);
}

export type SnoozeFacts = {
  snoozedUntil: Date | null;
  snoozedAt: Date | null;
  lastCustomerMessageAt: Date | null;
};

/**
 * The instant a snooze ends, or null when none stands: a customer who writes after the snooze
 * was set wakes the conversation at once.
 */
export function snoozeEnd(c: SnoozeFacts): Date | null {
  if (!c.snoozedUntil) return null;
  if (c.lastCustomerMessageAt && c.snoozedAt && c.lastCustomerMessageAt > c.snoozedAt) return null;
  return c.snoozedUntil;
}

/** Snoozed at `now`: out of the advisor's active views until its end. */
export function isSnoozed(c: SnoozeFacts, now: Date): boolean {
  const end = snoozeEnd(c);
  return end !== null && end > now;
}
