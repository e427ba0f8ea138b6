// Our return path for outbound mail, `bounce+m-{token}@{domain}`: a bounce comes back to an
// address that names the message it is about, signed like reply tokens so it cannot be forged.
//
// The token is the message id (16 bytes) and a 10-byte HMAC-SHA256 over the workspace and
// message ids, in lower-case base32: 42 characters, a 51-character local part (RFC 5321 allows
// 64). The workspace is signed, not carried: the reader knows it from the domain.
import { decodeBase32, encodeBase32 } from "./base32.ts";
import type { Hmac } from "./reply-token.ts";
import { bytesToUuid, constantTimeEqual, UUID_BYTES, uuidToBytes } from "./uuid-bytes.ts";

export type VerpTarget = { workspaceId: string; messageId: string };

const LOCAL_PREFIX = "bounce+m-";
const MAC_BYTES = 10;
const TOKEN_LENGTH = Math.ceil(((UUID_BYTES + MAC_BYTES) * 8) / 5);
const VERP_PATTERN = new RegExp(`^<?bounce\\+m-([a-z2-7]{${TOKEN_LENGTH}})@([^@>\\s]+)>?$`, "i");

/** The MAIL FROM (and Return-Path) for one outbound message. */
export function verpAddress(target: VerpTarget & { domain: string }, hmac: Hmac): string {
  const token = new Uint8Array(UUID_BYTES + MAC_BYTES);
  token.set(uuidToBytes(target.messageId), 0);
  token.set(signature(target.workspaceId, target.messageId, hmac), UUID_BYTES);
  return `${LOCAL_PREFIX}${encodeBase32(token)}@${target.domain.toLowerCase()}`;
}

/** Whether a recipient has the shape of our return path (signed or not: see readVerp). */
export function isVerpAddress(recipient: string): boolean {
  return VERP_PATTERN.test(recipient.trim());
}

/** The message a bounce is about; null for anything else, forged or signed for another workspace. */
export function readVerp(
  recipient: string,
  context: { workspaceId: string; hmac: Hmac },
): { messageId: string } | null {
  const match = recipient.trim().match(VERP_PATTERN);
  const bytes = match ? decodeBase32(match[1] ?? "") : null;
  if (!bytes || bytes.length !== UUID_BYTES + MAC_BYTES) return null;
  const messageId = bytesToUuid(bytes.subarray(0, UUID_BYTES));
  const expected = signature(context.workspaceId, messageId, context.hmac);
  return constantTimeEqual(bytes.subarray(UUID_BYTES), expected) ? { messageId } : null;
}

function signature(workspaceId: string, messageId: string, hmac: Hmac): Uint8Array {
  // Domain-separated from reply tokens: a reply token's MAC is never a valid return path's.
  const data = `rapport/verp/v1\n${workspaceId.toLowerCase()}\n${messageId.toLowerCase()}`;
  const mac = hmac(data);
  if (mac.length < MAC_BYTES) throw new Error("the VERP HMAC returned too few bytes");
  return mac.subarray(0, MAC_BYTES);
}
