// When a failed webhook delivery is tried again, and when an endpoint that keeps failing is
// disabled: pure functions of the attempt number and `now`, stored by the shell.

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * The wait after each failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — eight attempts
 * over about 27 hours, after which the delivery is given up as failed.
 */
export const retryDelaysMs = [
  5 * second,
  5 * minute,
  30 * minute,
  2 * hour,
  5 * hour,
  10 * hour,
  10 * hour,
] as const;

export const maxAttempts = retryDelaysMs.length + 1;

/** When to try again after failed attempt number `attempt` (1-based); null once it was the last. */
export function nextAttemptAt(attempt: number, now: Date): Date | null {
  const delay = retryDelaysMs[attempt - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/** An endpoint that failed every attempt for this long is disabled (until an admin re-enables it). */
export const disableAfterMs = 5 * day;

export type EndpointHealth = {
  /** The first failed attempt since the last success; null while it succeeds. */
  failingSince: Date | null;
};

/**
 * The endpoint's health after an attempt: a success clears the failing streak; a failure starts it
 * or keeps it; `disable` once it has failed without a success for five days.
 */
export function afterAttempt(
  health: EndpointHealth,
  succeeded: boolean,
  now: Date,
): { failingSince: Date | null; disable: boolean } {
  if (succeeded) return { failingSince: null, disable: false };
  const since = health.failingSince ?? now;
  return { failingSince: since, disable: now.getTime() - since.getTime() >= disableAfterMs };
}

/** A response status the receiver means as "received": any 2xx. Redirects are not followed. */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}
