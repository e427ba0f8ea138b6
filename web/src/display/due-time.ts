// How long is left before a conversation's response is due, for display only: the due times
// themselves are computed and stored by the server; the console only measures them against the clock.
import type { Conversation } from "../api/types.ts";

export type DueUnit = "minute" | "hour" | "day";

export type DueState = {
  overdue: boolean;
  /** Within the last hour before the due time. */
  soon: boolean;
  amount: number;
  unit: DueUnit;
};

/**
 * The due time the advisor is racing: the first response until answered, then the next one.
 * A resolved or closed conversation awaits nothing, whatever times it still carries.
 */
export function pendingDueAt(
  conversation: Pick<
    Conversation,
    "status" | "answered" | "first_response_due_at" | "next_response_due_at"
  >,
): string | null {
  if (conversation.status === "resolved" || conversation.status === "closed") return null;
  return conversation.answered
    ? conversation.next_response_due_at
    : (conversation.first_response_due_at ?? conversation.next_response_due_at);
}

export function dueState(dueAt: Date, now: Date): DueState {
  const differenceMs = dueAt.getTime() - now.getTime();
  const overdue = differenceMs < 0;
  const minutes = Math.max(1, Math.round(Math.abs(differenceMs) / 60_000));
  const soon = !overdue && minutes <= 60;
  if (minutes < 60) return { overdue, soon, amount: minutes, unit: "minute" };
  const hours = Math.round(minutes / 60);
  if (hours < 48) return { overdue, soon, amount: hours, unit: "hour" };
  return { overdue, soon, amount: Math.round(hours / 24), unit: "day" };
}
