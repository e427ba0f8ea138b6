// How an advisor's reply on a widget conversation reaches the visitor, and from that when it is a
// human answer (CONTRACT §6: a reply counts once it reached the customer — `delivery: sent`).
//
// - The visitor's widget is connected: the reply is shown there at once; it is sent at its commit.
// - Not connected, and the visitor gave an email: it leaves by mail too (the send-mail job, with
//   the reply token so that their mail answer lands in the same conversation); it counts once the
//   relay or the outbox took it, as any mail.
// - Not connected, no email: it waits in the widget (`queued`) and is sent when the visitor's
//   widget next reads the conversation; until then the customer is still owed an answer.

/** A connected widget's stream tells the desk it is there this often. */
export const visitorHeartbeatMs = 20_000;
/** A visitor not heard of for this long has left (a node that died cannot say so). */
export const visitorGoneAfterMs = 3 * visitorHeartbeatMs;

export function visitorConnected(lastSeenAt: Date | null, now: Date): boolean {
  return lastSeenAt !== null && now.getTime() - lastSeenAt.getTime() < visitorGoneAfterMs;
}

export type ChatReplyPlan = {
  /** The message's channel: `email` when it leaves by mail. */
  channel: "chat" | "email";
  delivery: "sent" | "queued";
  mail: boolean;
};

export function chatReplyPlan(facts: { connected: boolean; email: string | null }): ChatReplyPlan {
  if (facts.connected) return { channel: "chat", delivery: "sent", mail: false };
  if (facts.email) return { channel: "email", delivery: "queued", mail: true };
  return { channel: "chat", delivery: "queued", mail: false };
}
