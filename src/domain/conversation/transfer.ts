// The rules of a transfer: who may hand a conversation to whom, who accepts, declines or cancels it,
// and from which transfer the team's manager hears of a conversation passed from hand to hand.
import type { Acting } from "../access/policies.ts";
import { roleAtLeast } from "../access/roles.ts";
import type { ConversationStatus } from "./status.ts";
import { isFinished } from "./status.ts";

export const transferStatuses = ["pending", "accepted", "declined", "cancelled"] as const;
export type TransferStatus = (typeof transferStatuses)[number];

/** The transfer asked this many times of one conversation (cancelled ones aside) tells the manager. */
export const transfersBeforeManagerHears = 3;

export type Refusal = {
  ok: false;
  code: "forbidden" | "conflict" | "invalid_input";
  message: string;
};
export type Verdict = { ok: true } | Refusal;

const ok: Verdict = { ok: true };
const refuse = (code: Refusal["code"], message: string): Refusal => ({ ok: false, code, message });

/** A manager or admin may move anyone's conversations; an advisor only what they hold. */
const leads = (acting: Acting) => roleAtLeast(acting.role, "manager");

export type TransferRequest = {
  conversation: { assigneeId: string | null; status: ConversationStatus; spam: boolean };
  to: { id: string; active: boolean };
};

/**
 * The assignee hands their conversation on; a manager or admin hands anyone's; an unassigned one is
 * nobody's yet, so anyone on the desk may hand it to someone. Never to the one who already holds it,
 * never to oneself (take it instead), never an inactive person, never a finished conversation.
 */
export function mayRequestTransfer(acting: Acting, { conversation, to }: TransferRequest): Verdict {
  if (isFinished(conversation.status) || conversation.spam) {
    return refuse(
      "conflict",
      `a ${conversation.spam ? "spam" : conversation.status} conversation is not transferred`,
    );
  }
  if (!to.active) return refuse("invalid_input", "the person it goes to is no longer active");
  if (to.id === conversation.assigneeId)
    return refuse("conflict", "the conversation is already theirs");
  if (to.id === acting.userId) return refuse("invalid_input", "assign it to yourself instead");
  if (leads(acting)) return ok;
  if (acting.userId === null)
    return refuse("forbidden", "a token bound to nobody does not transfer");
  if (conversation.assigneeId !== null && conversation.assigneeId !== acting.userId) {
    return refuse("forbidden", "only its assignee or a manager transfers a conversation");
  }
  return ok;
}

export type PendingTransfer = {
  status: TransferStatus;
  fromId: string | null;
  toId: string;
  requestedById: string | null;
};

/** The receiver accepts or declines; a manager or admin may decide for them. */
export function mayDecideTransfer(acting: Acting, transfer: PendingTransfer): Verdict {
  if (transfer.status !== "pending")
    return refuse("conflict", `the transfer is already ${transfer.status}`);
  if (leads(acting) || acting.userId === transfer.toId) return ok;
  return refuse("forbidden", "only the person it goes to (or a manager) answers a transfer");
}

/** The one who asked, or the one it was taken from, may take it back while it waits. */
export function mayCancelTransfer(acting: Acting, transfer: PendingTransfer): Verdict {
  if (transfer.status !== "pending")
    return refuse("conflict", `the transfer is already ${transfer.status}`);
  if (leads(acting)) return ok;
  if (
    acting.userId !== null &&
    (acting.userId === transfer.requestedById || acting.userId === transfer.fromId)
  ) {
    return ok;
  }
  return refuse("forbidden", "only who asked for the transfer (or a manager) cancels it");
}

/**
 * `asked` counts the transfers of the conversation, this one included, cancelled ones aside: the
 * third, and each one after it, tells the team's manager that the customer is being passed around.
 */
export function notifiesManager(asked: number): boolean {
  return asked >= transfersBeforeManagerHears;
}

/** The kind of the notification the manager gets (not an event: the timeline has the transfer). */
export const repeatedTransferNotice = "transfer.repeated";
