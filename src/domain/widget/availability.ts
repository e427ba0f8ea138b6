// "Online for the brand": whether the widget may promise a live answer now. A person of the brand's
// team has the console open, is active and not away, and the brand's calendar is open; otherwise the
// widget says so honestly and asks for an email so that the answer can come by mail.
import { isAway } from "../routing/route-conversation.ts";
import { isOpen } from "../sla/business-hours.ts";
import type { BusinessCalendar } from "../sla/calendar.ts";

export type TeamAdvisor = {
  id: string;
  active: boolean;
  outOfOffice: { from: Date | null; until: Date | null } | null;
};

export type AvailabilityFacts = {
  now: Date;
  calendar: BusinessCalendar;
  /** The members and manager of the brand's team; empty when the brand has no team. */
  advisors: readonly TeamAdvisor[];
  /** Advisors with an open console on any node (the realtime hub's presence). */
  consolesOpen: ReadonlySet<string>;
};

export type Availability =
  | { online: true; advisorIds: string[] }
  | { online: false; why: "closed" | "nobody_online" };

export function brandAvailability(f: AvailabilityFacts): Availability {
  if (!isOpen(f.calendar, f.now)) return { online: false, why: "closed" };
  const advisorIds = f.advisors
    .filter((a) => a.active && !isAway(a.outOfOffice, f.now) && f.consolesOpen.has(a.id))
    .map((a) => a.id);
  return advisorIds.length > 0
    ? { online: true, advisorIds }
    : { online: false, why: "nobody_online" };
}
