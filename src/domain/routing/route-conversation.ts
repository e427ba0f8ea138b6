// Who answers a new conversation: the customer's advisor if available, else their backup, else a
// partner organisation's partner manager, else the brand's team by open load, else the team's
// manager, else nobody (the team still holds it). Pure: state and `now` in, a decision out.

import { isOpen, nextOpening } from "../sla/business-hours.ts";
import { type BusinessCalendar, weekdays } from "../sla/calendar.ts";

/** A person who may be given the conversation, as the shell read them for the batch. */
export type Candidate = {
  id: string;
  name: string;
  active: boolean;
  /** Working hours in the person's time zone; null: no hours set, always at work. */
  schedule: BusinessCalendar | null;
  outOfOffice: { from: Date | null; until: Date | null } | null;
  /** Most conversations they hold open at once; null: no limit. */
  capacity: number | null;
  /** Conversations they hold open now. */
  openLoad: number;
  /** The latest activity on any conversation they hold: the round-robin's tie-break. */
  lastAssignedAt: Date | null;
};

export type RoutingState = {
  now: Date;
  /** When the first answer is promised: someone who starts work before it is still available. */
  promiseDueAt: Date | null;
  advisor: Candidate | null;
  backup: Candidate | null;
  /** Set when the customer's organisation is a partner. */
  partner: { manager: Candidate | null } | null;
  team: { id: string; name: string; manager: Candidate | null; members: Candidate[] } | null;
};

/** Why someone could not take it. */
export type Unavailability =
  | { why: "away"; until: string | null }
  | { why: "outside_hours"; back_at: string | null }
  | { why: "at_capacity"; capacity: number }
  | { why: "inactive" };

export const routingCodes = [
  "advisor",
  "backup",
  "partner_manager",
  "team",
  "manager",
  "unassigned",
] as const;
export type RoutingCode = (typeof routingCodes)[number];

/** The reason, with the names it speaks of (as they were called then), snake_case for the event. */
export type RoutingReason = {
  code: RoutingCode;
  assignee_name: string | null;
  advisor_name?: string;
  advisor_unavailable?: Unavailability;
  backup_name?: string;
  backup_unavailable?: Unavailability;
  team_name?: string;
  open_load?: number;
};

export type Routing = { assignee_id: string | null; team_id: string | null; reason: RoutingReason };

/** Null when the person can answer before the promise falls due; else why not. */
export function unavailability(
  c: Candidate,
  now: Date,
  promiseDueAt: Date | null,
): Unavailability | null {
  if (!c.active) return { why: "inactive" };
  if (isAway(c.outOfOffice, now)) {
    return { why: "away", until: c.outOfOffice?.until?.toISOString() ?? null };
  }
  if (c.capacity !== null && c.openLoad >= c.capacity) {
    return { why: "at_capacity", capacity: c.capacity };
  }
  if (c.schedule && hasHours(c.schedule) && !isOpen(c.schedule, now)) {
    const back = nextOpening(c.schedule, now);
    if (promiseDueAt === null || back >= promiseDueAt) {
      return { why: "outside_hours", back_at: back.toISOString() };
    }
  }
  return null;
}

/**
 * Out of office now: from a start (or always) until an end still ahead, or from a start already
 * passed with no end given. An end without a start is a leave already begun.
 */
export function isAway(
  outOfOffice: { from: Date | null; until: Date | null } | null,
  now: Date,
): boolean {
  if (!outOfOffice) return false;
  const { from, until } = outOfOffice;
  if (until !== null) return (from === null || from <= now) && now < until;
  return from !== null && from <= now;
}

function hasHours(schedule: BusinessCalendar) {
  return weekdays.some((d) => schedule.weeklyHours[d].length > 0);
}

/**
 * Among the available members, the least loaded; ties go to the one whose conversations have been
 * quiet the longest (never given one first), then by id — stable, so a batch spreads its
 * conversations one by one when the caller counts each given one into the load.
 */
export function leastLoaded(members: Candidate[], now: Date, promiseDueAt: Date | null) {
  const open = members.filter((m) => unavailability(m, now, promiseDueAt) === null);
  open.sort(
    (a, b) =>
      a.openLoad - b.openLoad ||
      (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return open[0] ?? null;
}

export function routeConversation(s: RoutingState): Routing {
  const teamId = s.team?.id ?? null;
  const reason: RoutingReason = { code: "unassigned", assignee_name: null };
  if (s.team) reason.team_name = s.team.name;
  const to = (c: Candidate, code: RoutingCode): Routing => ({
    assignee_id: c.id,
    team_id: teamId,
    reason: { ...reason, code, assignee_name: c.name },
  });
  if (s.advisor) {
    reason.advisor_name = s.advisor.name;
    const why = unavailability(s.advisor, s.now, s.promiseDueAt);
    if (!why) return to(s.advisor, "advisor");
    reason.advisor_unavailable = why;
  }
  if (s.backup && s.backup.id !== s.advisor?.id) {
    reason.backup_name = s.backup.name;
    const why = unavailability(s.backup, s.now, s.promiseDueAt);
    if (!why) return to(s.backup, "backup");
    reason.backup_unavailable = why;
  }
  const partnerManager = s.partner?.manager;
  if (partnerManager && unavailability(partnerManager, s.now, s.promiseDueAt) === null) {
    return to(partnerManager, "partner_manager");
  }
  if (s.team) {
    const member = leastLoaded(s.team.members, s.now, s.promiseDueAt);
    if (member) {
      const routed = to(member, "team");
      routed.reason.open_load = member.openLoad;
      return routed;
    }
    const manager = s.team.manager;
    if (manager?.active) return to(manager, "manager");
  }
  return { assignee_id: null, team_id: teamId, reason };
}
