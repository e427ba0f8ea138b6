// The SLA alerts of a waiting conversation: warn the assignee at 75 %, the team's manager at 90 %,
// a breach at 100 % of the business time to the due time. The shell stores the next instant; a sweep acts.
import type { BusinessCalendar } from "./calendar.ts";
import { warningTimes } from "./due-times.ts";

export const slaAlertKinds = ["warn_assignee", "warn_manager", "breach"] as const;
export type SlaAlertKind = (typeof slaAlertKinds)[number];

export type SlaClock = {
  calendar: BusinessCalendar;
  /** When the wait began (the awaited customer message), or null when nobody waits. */
  start: Date | null;
  /** The response due time of that wait (first or next response), or null. */
  due: Date | null;
  /** Alerts already raised for this wait. */
  fired: readonly string[];
};

export type SlaAlert = { kind: SlaAlertKind; at: Date };

function schedule(clock: SlaClock): SlaAlert[] {
  if (!clock.start || !clock.due) return [];
  const times = warningTimes(clock.start, clock.due, clock.calendar);
  return [
    { kind: "warn_assignee" as const, at: times.assigneeWarningAt },
    { kind: "warn_manager" as const, at: times.managerWarningAt },
    { kind: "breach" as const, at: times.breachAt },
  ].filter((a) => !clock.fired.includes(a.kind));
}

/** The next alert to raise, or null when none is left for this wait. */
export function nextSlaAlert(clock: SlaClock): SlaAlert | null {
  return schedule(clock)[0] ?? null;
}

/** The alerts whose time has come, oldest first (several when the sweep was late). */
export function dueSlaAlerts(clock: SlaClock, now: Date): SlaAlert[] {
  return schedule(clock).filter((a) => a.at.getTime() <= now.getTime());
}
