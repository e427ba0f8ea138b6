// The customer-visible conversation reference (`[#K7M2QX9A]`): short, unambiguous, not
// guessable; drawn without bias from injected random bytes.

export const referenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const referenceLength = 8;

export type RandomBytes = (n: number) => Uint8Array;

// 248 = 8 × 31: bytes at or above it would favour the first letters, so they are dropped.
const acceptedBelow = 256 - (256 % referenceAlphabet.length);
// A working random source rejects ~3 % of bytes; this many rounds without a reference means
// the source is broken, and looping on it would never end.
const maxRounds = 32;

const referencePattern = new RegExp(`^[${referenceAlphabet}]{${referenceLength}}$`);
const tokenPattern = /\[#([0-9A-Za-z]{8})\]/g;

export function newReference(randomBytes: RandomBytes): string {
  let reference = "";
  for (let round = 0; round < maxRounds; round++) {
    for (const byte of randomBytes(referenceLength)) {
      if (byte >= acceptedBelow) continue;
      reference += referenceAlphabet[byte % referenceAlphabet.length];
      if (reference.length === referenceLength) return reference;
    }
  }
  throw new Error(`random source yielded no reference in ${maxRounds} rounds`);
}

/** True for a reference in its canonical form: 8 upper-case letters of the alphabet. */
export function isReference(value: string): boolean {
  return referencePattern.test(value);
}

/** Accepts `k7m2qx9a`, `K7M2QX9A` or `[#K7M2QX9A]` (as typed by a person); null if invalid. */
export function normalizeReference(input: string): string | null {
  const trimmed = input.trim();
  const bare = trimmed.startsWith("[#") && trimmed.endsWith("]") ? trimmed.slice(2, -1) : trimmed;
  const upper = bare.toUpperCase();
  return isReference(upper) ? upper : null;
}

export function formatReference(reference: string): string {
  return `[#${reference}]`;
}

/** The distinct references found in a subject, in order of appearance, upper-cased. */
export function parseReferences(subject: string): string[] {
  const found: string[] = [];
  for (const match of subject.matchAll(tokenPattern)) {
    const reference = match[1]?.toUpperCase();
    if (reference && isReference(reference) && !found.includes(reference)) found.push(reference);
  }
  return found;
}
