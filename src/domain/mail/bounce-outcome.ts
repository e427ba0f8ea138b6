// What a bounce of one of our mails changes: the reason an advisor reads, the conversation's status,
// the note left in the thread, whether the address is flagged. Pure; receive-bounce.ts stores it.
import type { ConversationStatus } from "../conversation/status.ts";
import type { Bounce } from "./bounce.ts";

/** The remote server's words, bounded; a plain "delivery failed" when it gave none. */
export function bounceReason(bounce: Pick<Bounce, "status" | "diagnostic">): string {
  return (
    [bounce.status, bounce.diagnostic].filter(Boolean).join(" ").slice(0, 500) || "delivery failed"
  );
}

/**
 * A reply the customer never got leaves them waiting on us again: a conversation waiting on the
 * customer is open once more. A bounced acknowledgement changes nothing: nobody promised it.
 */
export function statusAfterBounce(
  status: ConversationStatus,
  bounced: { automated: boolean },
): ConversationStatus {
  return status === "waiting_customer" && !bounced.automated ? "open" : status;
}

/** The address refused for good (a hard bounce), to flag on the customer's identity. */
export function refusedAddress(bounce: Pick<Bounce, "kind" | "recipient">): string | null {
  return bounce.kind === "hard" && bounce.recipient ? bounce.recipient : null;
}

/** The note left for the advisor in the thread of a reply that did not arrive. */
export function bounceNote(kind: "hard" | "soft", reason: string, sentAt: Date): string {
  const when = sentAt.toISOString().slice(0, 16).replace("T", " ");
  return (
    `The reply of ${when} UTC did not reach the customer (${kind} bounce: ${reason}). ` +
    "They have not been answered: " +
    (kind === "hard"
      ? "their address is refused — find another way to reach them."
      : "try again or reach them another way.")
  );
}
