// How long a closed conversation's words are kept: a workspace's period in days, or for ever (off).
// A closed conversation is erased once it has been closed for longer than the period.

/** Days a workspace may keep closed conversations: at least a day, at most a hundred years. */
export const retentionDays = { min: 1, max: 36_500 } as const;

const dayMs = 86_400_000;

/** Conversations closed before this instant are due for erasure; null when retention is off. */
export function closedErasableBefore(now: Date, days: number | null): Date | null {
  if (days === null) return null;
  return new Date(now.getTime() - days * dayMs);
}

/** Whether a conversation closed at `closedAt` is due for erasure under a period of `days`. */
export function closedErasable(closedAt: Date | null, now: Date, days: number | null): boolean {
  const before = closedErasableBefore(now, days);
  return closedAt !== null && before !== null && closedAt < before;
}
