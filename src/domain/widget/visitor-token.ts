// Signed visitor ids for the chat widget: the widget keeps the token in its frame's storage and sends
// it with every call; the desk reads the visitor's id back only when the signature holds for this
// workspace and brand, so a forged token or another brand's is refused.
//
// The token is the visitor id (16 bytes) and a 16-byte HMAC-SHA256 over the workspace, brand and
// visitor ids, in lower-case base32 (52 characters) after a version prefix.
import { decodeBase32, encodeBase32 } from "../mail/base32.ts";
import type { Hmac } from "../mail/reply-token.ts";
import { bytesToUuid, constantTimeEqual, UUID_BYTES, uuidToBytes } from "../mail/uuid-bytes.ts";

export type VisitorScope = { workspaceId: string; brandId: string };

const MAC_BYTES = 16;
const PREFIX = "v1.";

export function createVisitorToken(scope: VisitorScope, visitorId: string, hmac: Hmac): string {
  const token = new Uint8Array(UUID_BYTES + MAC_BYTES);
  token.set(uuidToBytes(visitorId), 0);
  token.set(signature(scope, visitorId, hmac), UUID_BYTES);
  return `${PREFIX}${encodeBase32(token)}`;
}

/** The visitor's id when the token was signed for this workspace and brand, else null. */
export function readVisitorToken(token: string, scope: VisitorScope, hmac: Hmac): string | null {
  if (!token.startsWith(PREFIX)) return null;
  const bytes = decodeBase32(token.slice(PREFIX.length));
  if (!bytes || bytes.length !== UUID_BYTES + MAC_BYTES) return null;
  const visitorId = bytesToUuid(bytes.subarray(0, UUID_BYTES));
  const expected = signature(scope, visitorId, hmac);
  return constantTimeEqual(bytes.subarray(UUID_BYTES), expected) ? visitorId : null;
}

function signature(scope: VisitorScope, visitorId: string, hmac: Hmac): Uint8Array {
  // Domain-separated so the secret's other uses (reply tokens, cookies) cannot mint visitor ids.
  const data = [
    "rapport/widget-visitor/v1",
    scope.workspaceId.toLowerCase(),
    scope.brandId.toLowerCase(),
    visitorId.toLowerCase(),
  ].join("\n");
  const mac = hmac(data);
  if (mac.length < MAC_BYTES) throw new Error("the visitor-token HMAC returned too few bytes");
  return mac.subarray(0, MAC_BYTES);
}
