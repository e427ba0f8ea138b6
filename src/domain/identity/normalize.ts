// How an identity is written down so that the same person is found again: one spelling per address.

/** Email addresses compare without regard to case (docs/CONTRACT.md §4). */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

/** Phone numbers keep a leading + and their digits only: "+33 6 12-34-56-78" → "+33612345678". */
export function normalizePhone(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < 4 || digits.length > 17) return null;
  return trimmed.startsWith("+") || trimmed.startsWith("00")
    ? `+${digits.replace(/^00/, "")}`
    : digits;
}
