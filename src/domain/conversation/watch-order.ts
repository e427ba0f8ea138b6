// The unanswered watch's order: time left first, counted in whole minutes, then urgency (urgent,
// high, normal, low), then the exact due time and the id. Conversations without a running clock
// come after every due one. `store/queries/unanswered.ts` states the same key in SQL.
import type { Priority } from "./status.ts";

/** Most urgent first: a priority's place in the watch among conversations due the same minute. */
export const urgencyOrder = ["urgent", "high", "normal", "low"] as const satisfies Priority[];

/** 0 for urgent … 3 for low. */
export function urgencyRank(priority: Priority): number {
  return urgencyOrder.indexOf(priority);
}

/** The due time a conversation without a running clock sorts at: after every real one. */
export const noClock = new Date("9999-12-31T00:00:00Z");

export type WatchFacts = { dueAt: Date | null; priority: Priority; id: string };

/** The sort key, compared element by element: due minute, urgency, due time, id. */
export function watchKey(c: WatchFacts): [number, number, number, string] {
  const due = (c.dueAt ?? noClock).getTime();
  return [Math.floor(due / 60_000), urgencyRank(c.priority), due, c.id];
}

/** Negative when `a` comes first in the watch. */
export function compareWatch(a: WatchFacts, b: WatchFacts): number {
  const ka = watchKey(a);
  const kb = watchKey(b);
  for (let i = 0; i < 3; i++) {
    const d = (ka[i] as number) - (kb[i] as number);
    if (d !== 0) return d;
  }
  return ka[3] < kb[3] ? -1 : ka[3] > kb[3] ? 1 : 0;
}
