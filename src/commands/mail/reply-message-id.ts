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

/** Our Message-ID (bare, as stored) for a mail sent from `fromAddress` about this conversation. */
export function conversationMessageId(
  secret: string,
  randomBytes: (size: number) => Uint8Array,
  target: ReplyTokenTarget,
  fromAddress: string,
): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1);
  const token = createReplyToken(target, replyTokenHmac(secret));
  return replyMessageId({ token, random: randomBytes(8), domain }).replace(/^<|>$/g, "");
}
