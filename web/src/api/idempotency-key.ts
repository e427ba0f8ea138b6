// A fresh Idempotency-Key: random, and made where crypto.randomUUID is missing too (plain http on
// a LAN is not a secure context).

export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The keys of one form's creates: see `attemptKeys`. */
export type AttemptKeys = {
  /** The key for sending `content`: the same while the same content is tried again. */
  keyFor(content: unknown): string;
  /** The create succeeded: whatever is sent next is a new one. */
  done(): void;
};

/**
 * One Idempotency-Key per attempt of a create: a click tried again after a lost answer sends the
 * same content with the same key, so the server answers what it made rather than making it twice;
 * changed content, or a create that succeeded, takes a fresh key.
 */
export function attemptKeys(): AttemptKeys {
  let attempt: { fingerprint: string; key: string } | null = null;
  return {
    keyFor(content) {
      const fingerprint = JSON.stringify(content);
      if (attempt?.fingerprint !== fingerprint) attempt = { fingerprint, key: newIdempotencyKey() };
      return attempt.key;
    },
    done() {
      attempt = null;
    },
  };
}
