// Our Message-ID for a mail about a conversation, signed with the instance secret (node:crypto's
// HMAC) so a reply to it finds its conversation; the random part comes from the caller.
import { createHmac } from "node:crypto";
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
export function newReplyMessageId(
  target: ReplyTokenTarget,
  domain: string,
  hmac: Hmac,
  randomBytes: (size: number) => Uint8Array,
): string {
  return replyMessageId({ token: createReplyToken(target, hmac), random: randomBytes(8), domain });
}

/** Our Message-ID (bare, as stored) for a mail sent from `fromAddress` about this conversation. */
export function conversationMessageId(
  secret: string,
  randomBytes: (size: number) => Uint8Array,
  target: ReplyTokenTarget,
  fromAddress: string,
): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1);
  return newReplyMessageId(target, domain, replyTokenHmac(secret), randomBytes).replace(
    /^<|>$/g,
    "",
  );
}
