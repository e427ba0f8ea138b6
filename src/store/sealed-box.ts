// Secrets Rapport must use again later (a mailbox's password, a webhook's signing secret) are kept
// sealed: AES-256-GCM under a key derived from the instance secret (RAPPORT_SECRET, or the one kept
// in the database) with HKDF-SHA256 and a purpose, so a key sealed for one purpose opens nothing
// else. The stored text is `v1.<iv>.<tag>.<ciphertext>`, each part base64url; the purpose and the
// row's id are bound as associated data, so a sealed value copied onto another row does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export type SealPurpose = "mailbox-password" | "webhook-secret" | "portal-link";

const VERSION = "v1";
const IV_BYTES = 12;

function keyFor(secret: string, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "rapport sealed box", `rapport:${purpose}`, 32));
}

/** Seals `plain` for `purpose`, bound to `rowId` (the row that keeps it). */
export function seal(secret: string, purpose: SealPurpose, rowId: string, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret, purpose), iv);
  cipher.setAAD(Buffer.from(`${purpose}:${rowId}`));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Opens what `seal` made for the same purpose and row; throws when it was altered or moved. */
export function open(secret: string, purpose: SealPurpose, rowId: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
    throw new Error("not a sealed value");
  }
  const decipher = createDecipheriv(
    "aes-256-gcm",
    keyFor(secret, purpose),
    Buffer.from(iv, "base64url"),
  );
  decipher.setAAD(Buffer.from(`${purpose}:${rowId}`));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(body, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}
