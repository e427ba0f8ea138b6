// What counts as a human answer (docs/CONTRACT.md §6), and from it whether a conversation is answered
// and since when a customer has been waiting.
import type { AuthorKind, DeliveryState, MessageDirection } from "./message-kinds.ts";
import type { Channel } from "./status.ts";

/** The facts about a message that the answer rules read. */
export type AnswerFacts = {
  direction: MessageDirection;
  channel: Channel;
  /** `user` only when a person wrote it: a reply through a token not bound to a user is `system`. */
  authorKind: AuthorKind;
  automated: boolean;
  /** Outbound only; `sent` once the relay accepted it or the outbox file is written. */
  delivery: DeliveryState | null;
  spam: boolean;
  /** A logged call or visit in which an advisor answered the customer; false for anything else. */
  answering: boolean;
  /** Commit time of the message, not its Date header. */
  createdAt: Date;
};

export type AnswerState = {
  /** At least one human answer stands (the contract's `answered`, and the charter's). */
  answered: boolean;
  /** Commit time of the first customer message after the latest human answer, or null. */
  awaitingSince: Date | null;
  firstHumanAnswerAt: Date | null;
};

/**
 * An outbound reply written by a person, not automated, that was sent and has not bounced
 * since (a queued reply does not count yet; failed or bounced never); or a logged call or
 * visit (channel phone or visit, whatever its direction) marked as answering, unless it came
 * from a system author such as a token not bound to a user. Internal notes never count.
 */
export function isHumanAnswer(message: AnswerFacts): boolean {
  if (message.automated || message.authorKind === "system") return false;
  if (isLoggedInteraction(message) && message.answering) return true;
  return (
    message.authorKind === "user" && message.direction === "outbound" && message.delivery === "sent"
  );
}

/** A message from the customer that waits for an answer: inbound, not spam, not an automatic reply. */
export function isAwaitedCustomerMessage(message: AnswerFacts): boolean {
  return (
    message.direction === "inbound" &&
    message.authorKind === "customer" &&
    !message.spam &&
    !message.automated
  );
}

function isLoggedInteraction(message: AnswerFacts): boolean {
  return message.channel === "phone" || message.channel === "visit";
}

/** Reads the messages in commit order, whatever order they are given in. */
export function answerState(messages: readonly AnswerFacts[]): AnswerState {
  const ordered = [...messages].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  let firstHumanAnswerAt: Date | null = null;
  let awaitingSince: Date | null = null;
  for (const message of ordered) {
    if (isHumanAnswer(message)) {
      firstHumanAnswerAt ??= message.createdAt;
      awaitingSince = null;
    } else if (isAwaitedCustomerMessage(message)) {
      awaitingSince ??= message.createdAt;
    }
  }
  return { answered: firstHumanAnswerAt !== null, awaitingSince, firstHumanAnswerAt };
}
