// A fresh Idempotency-Key: random, and made where crypto.randomUUID is missing too (plain http on
// a LAN is not a secure context).

export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
