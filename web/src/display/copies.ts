// The Cc field as the advisor types it: addresses separated by commas, semicolons or spaces, the
// ones that cannot be addresses named so the advisor fixes them before sending.

const address = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()"]+$/;

export function parseCopies(typed: string): { valid: string[]; invalid: string[] } {
  const parts = typed
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const valid = [...new Set(parts.filter((p) => address.test(p)))];
  return { valid, invalid: parts.filter((p) => !address.test(p)) };
}
