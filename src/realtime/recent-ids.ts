// The ids a hub delivered lately, kept while they can still be read again: the overlap window makes
// every read see some events twice, and this set is what drops the second sight.

export type RecentIds = {
  has(id: string): boolean;
  add(id: string, at: number): void;
  readonly size: number;
};

/** Forgets an id once it is older than `keepMs` (by `at`), or the oldest past `cap` entries. */
export function recentIds(keepMs: number, cap: number, now: () => number): RecentIds {
  const seen = new Map<string, number>();
  const prune = () => {
    const oldest = now() - keepMs;
    for (const [id, at] of seen) {
      if (at >= oldest && seen.size <= cap) break;
      seen.delete(id);
    }
  };
  return {
    has: (id) => seen.has(id),
    add(id, at) {
      seen.set(id, at);
      prune();
    },
    get size() {
      return seen.size;
    },
  };
}
