// The status rules of a conversation (docs/CONTRACT.md §6) as pure decisions: which changes are allowed,
// what a customer message or a human reply does to the status, and when a resolution closes.
import type { CloseReason, ConversationStatus } from "./status.ts";

/**
 * Refusals, each a conflict with the conversation's state (409) except
 * `close_reason_not_applicable`, which is invalid input (400).
 */
export type StatusRefusal = {
  ok: false;
  code: "close_without_answer" | "invalid_transition" | "close_reason_not_applicable";
  message: string;
};

export type StatusDecision = { ok: true } | StatusRefusal;

export type StatusChange = {
  from: ConversationStatus;
  to: ConversationStatus;
  /** Whether the conversation has a human answer (see answer.ts). */
  answered: boolean;
  /**
   * The reason given with this change; when closing a conversation that was resolved with a
   * reason, pass the recorded one. Only allowed with resolved or closed as the target.
   */
  closeReason: CloseReason | null;
};

export function decideStatusChange({
  from,
  to,
  answered,
  closeReason,
}: StatusChange): StatusDecision {
  const finishing = to === "resolved" || to === "closed";
  if (closeReason !== null && !finishing) {
    return refuse(
      "close_reason_not_applicable",
      `a close reason only goes with resolved or closed, not ${to}`,
    );
  }
  if (from === to) return { ok: true };
  if (from === "closed") {
    return refuse(
      "invalid_transition",
      "a closed conversation is final; a new message opens a new conversation linked to it",
    );
  }
  if (to === "new") {
    return refuse("invalid_transition", "a conversation cannot go back to new once touched");
  }
  if (finishing && !answered && closeReason === null) {
    return refuse(
      "close_without_answer",
      `no silent close: ${to} without a human answer needs a close reason`,
    );
  }
  return { ok: true };
}

export type CustomerMessageOutcome =
  | { kind: "same"; status: ConversationStatus }
  | { kind: "new_linked" };

/** A customer message reopens a waiting or resolved conversation; to a closed one it opens a new one. */
export function onCustomerMessage(status: ConversationStatus): CustomerMessageOutcome {
  switch (status) {
    case "closed":
      return { kind: "new_linked" };
    case "new":
      return { kind: "same", status: "new" };
    default:
      return { kind: "same", status: "open" };
  }
}

/**
 * After a human reply the conversation waits on the customer (clocks paused), unless the
 * advisor keeps it open. A closed conversation takes no reply: it is final.
 */
export function onHumanReply(
  status: ConversationStatus,
  options: { keepOpen: boolean },
): { ok: true; status: ConversationStatus } | StatusRefusal {
  if (status === "closed") {
    return refuse("invalid_transition", "a closed conversation takes no reply; open a new one");
  }
  return { ok: true, status: options.keepOpen ? "open" : "waiting_customer" };
}

/** An internal note takes a new conversation in hand (open); any other status stays. */
export function onNote(status: ConversationStatus): ConversationStatus {
  return status === "new" ? "open" : status;
}

export const defaultAutoCloseDays = 7;

/** When a resolved conversation closes by itself: `days` × 24 hours after it was resolved. */
export function autoCloseAt(resolvedAt: Date, days: number = defaultAutoCloseDays): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`auto-close days must be a whole number ≥ 0, got ${days}`);
  }
  return new Date(resolvedAt.getTime() + days * 24 * 60 * 60_000);
}

function refuse(code: StatusRefusal["code"], message: string): StatusRefusal {
  return { ok: false, code, message };
}
