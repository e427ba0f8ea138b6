// The node:crypto half of reply tokens: HMAC-SHA256 with the instance secret and the random
// part of our Message-IDs, kept here so src/domain/mail/reply-token.ts stays pure.
import { createHmac, randomBytes } from "node:crypto";
import {
  createReplyToken,
  type Hmac,
  type ReplyTokenTarget,
  replyMessageId,
} from "../../domain/mail/reply-token.ts";

export function replyTokenHmac(secret: string | Uint8Array): Hmac {
  if (secret.length < 16) throw new Error("the reply-token secret must be at least 16 bytes");
  return (data) => new Uint8Array(createHmac("sha256", secret).update(data, "utf8").digest());
}

/** A fresh Message-ID for a mail about this conversation, e.g. `<r-…@support.example.com>`. */
export function newReplyMessageId(target: ReplyTokenTarget, domain: string, hmac: Hmac): string {
  return replyMessageId({ token: createReplyToken(target, hmac), random: randomBytes(8), domain });
}

/** Our Message-ID (bare, as stored) for a mail sent from `fromAddress` about this conversation. */
export function conversationMessageId(
  secret: string,
  target: ReplyTokenTarget,
  fromAddress: string,
): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1);
  return newReplyMessageId(target, domain, replyTokenHmac(secret)).replace(/^<|>$/g, "");
}
