// Token and password primitives: random secrets shown once, SHA-256 at rest, argon2 for passwords.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

export const newSecretToken = (prefix: string): string =>
  `${prefix}_${randomBytes(32).toString("base64url")}`;

export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export const hashPassword = (password: string): Promise<string> => hash(password);

export async function passwordMatches(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A readable generated password (for the first admin when none is given). */
export const generatedPassword = (): string => randomBytes(12).toString("base64url");
