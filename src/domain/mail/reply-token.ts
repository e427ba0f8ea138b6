// Signed reply tokens: which conversation a reply belongs to, carried in our Message-IDs
// (`<r-{token}.{random}@domain>`) and Reply-To addresses (`support+r-{token}@domain`).
//
// The token is the conversation id (16 bytes) and a 10-byte HMAC-SHA256 over the workspace
// and conversation ids, in lower-case base32: 42 characters. The workspace id is signed but
// not carried: with it the token would be 68 characters and `support+r-…` would break the
// 64-octet limit on local parts (RFC 5321 §4.5.3.1.1). The reader knows the workspace from
// the brand address the mail was sent to, and a token signed for another workspace fails.

import { decodeBase32, encodeBase32 } from "./base32.ts";
import { bytesToUuid, constantTimeEqual, UUID_BYTES, uuidToBytes } from "./uuid-bytes.ts";

/** HMAC-SHA256 keyed with the instance secret (RAPPORT_SECRET); see commands/mail/reply-message-id.ts. */
export type Hmac = (data: string) => Uint8Array;

export type ReplyTokenTarget = { workspaceId: string; conversationId: string };

const MAC_BYTES = 10;
const TOKEN_LENGTH = Math.ceil(((UUID_BYTES + MAC_BYTES) * 8) / 5);
const TOKEN_PATTERN = new RegExp(`(?:^|[<+\\s,])r-([a-z2-7]{${TOKEN_LENGTH}})(?=[.@])`, "gi");

export function createReplyToken(target: ReplyTokenTarget, hmac: Hmac): string {
  const id = uuidToBytes(target.conversationId);
  const mac = signature(target.workspaceId, target.conversationId, hmac);
  const token = new Uint8Array(UUID_BYTES + MAC_BYTES);
  token.set(id, 0);
  token.set(mac, UUID_BYTES);
  return encodeBase32(token);
}

/** Our outbound Message-ID, angle brackets included; `random` makes each one unique. */
export function replyMessageId(input: {
  token: string;
  random: Uint8Array;
  domain: string;
}): string {
  if (input.random.length < 8) throw new Error("a Message-ID needs at least 8 random bytes");
  return `<r-${input.token}.${encodeBase32(input.random)}@${input.domain.toLowerCase()}>`;
}

/** The Reply-To address: the brand address with `+r-{token}` in its local part. */
export function replyToAddress(input: { brandAddress: string; token: string }): string {
  const at = input.brandAddress.lastIndexOf("@");
  if (at <= 0) throw new Error(`not an address: ${input.brandAddress}`);
  const local = input.brandAddress.slice(0, at);
  const domain = input.brandAddress.slice(at + 1);
  return `${local}+r-${input.token}@${domain}`.toLowerCase();
}

/**
 * The first candidate (recipient addresses, In-Reply-To, References) that holds a token
 * signed for this workspace. Unsigned, forged or other workspaces' tokens are ignored.
 */
export function readReplyToken(
  candidates: readonly string[],
  context: { workspaceId: string; hmac: Hmac },
): ReplyTokenTarget | null {
  for (const candidate of candidates) {
    for (const match of candidate.matchAll(TOKEN_PATTERN)) {
      const bytes = decodeBase32(match[1] ?? "");
      if (!bytes || bytes.length !== UUID_BYTES + MAC_BYTES) continue;
      const conversationId = bytesToUuid(bytes.subarray(0, UUID_BYTES));
      const expected = signature(context.workspaceId, conversationId, context.hmac);
      if (constantTimeEqual(bytes.subarray(UUID_BYTES), expected)) {
        return { workspaceId: context.workspaceId.toLowerCase(), conversationId };
      }
    }
  }
  return null;
}

function signature(workspaceId: string, conversationId: string, hmac: Hmac): Uint8Array {
  // Domain-separated so the secret's other uses (cookies, cursors) cannot mint tokens.
  const data = `rapport/reply-token/v1\n${workspaceId.toLowerCase()}\n${conversationId.toLowerCase()}`;
  const mac = hmac(data);
  if (mac.length < MAC_BYTES) throw new Error("the reply-token HMAC returned too few bytes");
  return mac.subarray(0, MAC_BYTES);
}
