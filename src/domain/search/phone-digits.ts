// A search typed like a phone number ("06 12 34 56 78", "+44 20 7946"): its digits, to find inside
// the stored numbers, whatever spaces and signs the advisor typed.
import { normalizePhone } from "../identity/normalize.ts";

const phoneLike = /^[+0-9 ().-]+$/;

/** The digits of `q` when it looks like (part of) a phone number, else null. */
export function phoneDigitsOf(q: string): string | null {
  if (!phoneLike.test(q)) return null;
  return normalizePhone(q)?.replace(/^\+/, "") ?? null;
}
