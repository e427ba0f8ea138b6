// The unanswered watch's order for rows as the API shows them, to check a page against.
import type { Priority } from "../../src/domain/conversation/status.ts";
import { compareWatch } from "../../src/domain/conversation/watch-order.ts";

export type WatchRow = { id: string; due_at: string | null; priority: Priority };

const factsOf = (r: WatchRow) => ({
  id: r.id,
  priority: r.priority,
  dueAt: r.due_at ? new Date(r.due_at) : null,
});

/** Negative when `a` comes first in the watch. */
export const inWatchOrder = (a: WatchRow, b: WatchRow) => compareWatch(factsOf(a), factsOf(b));
