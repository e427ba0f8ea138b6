// The resolution clock stands still while a conversation waits on the customer (CONTRACT §6,
// "clocks paused"): each pause's business minutes are added to the time it has to be resolved.
import type { ConversationStatus } from "../conversation/status.ts";
import { businessMinutesBetween } from "./business-hours.ts";
import type { BusinessCalendar } from "./calendar.ts";

export type ResolutionPause = {
  /** When the current wait on the customer began; null while the clock runs. */
  pausedSince: Date | null;
  /** Business minutes of the pauses that ended. */
  pausedBusinessMinutes: number;
};

/** The pause after the conversation takes `status` at `at`: one begins, goes on, or ends. */
export function pauseAfter(
  calendar: BusinessCalendar,
  before: ResolutionPause,
  status: ConversationStatus,
  at: Date,
): ResolutionPause {
  if (status === "waiting_customer")
    return before.pausedSince ? before : { ...before, pausedSince: at };
  if (!before.pausedSince) return before;
  return {
    pausedSince: null,
    pausedBusinessMinutes:
      before.pausedBusinessMinutes +
      Math.max(0, businessMinutesBetween(calendar, before.pausedSince, at)),
  };
}
