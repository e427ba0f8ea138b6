// A search typed like a phone number ("06 12 34 56 78", "+44 20 7946"): its digits, to find inside
// the stored numbers, whatever spaces and signs the advisor typed.
import { normalizePhone } from "../identity/normalize.ts";

const phoneLike = /^[+0-9 ().-]+$/;

/**
 * The digits of `q` when it looks like (part of) a phone number, else null. A national number's
 * trunk 0 is left out ("06 12…" → "612…"), so that it is found in the number stored in E.164
 * (+33612…) as well as in one stored as written (0612…).
 */
export function phoneDigitsOf(q: string): string | null {
  if (!phoneLike.test(q)) return null;
  const digits = normalizePhone(q)?.replace(/^\+/, "") ?? null;
  return digits !== null && /^0[1-9]/.test(digits) ? digits.slice(1) : digits;
}
