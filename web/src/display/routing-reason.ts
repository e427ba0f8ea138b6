// The routing reason as sentences to translate: why the advisor or backup was passed over, then who
// answers and why them; shownParams formats its dates in the console's language.
import type { RoutingReason, Unavailability } from "../api/types.ts";
import { formatDateTime } from "./date-time.ts";

type RoutingKey =
  | "awayUntil"
  | "away"
  | "outsideHoursUntil"
  | "outsideHours"
  | "atCapacity"
  | "inactive"
  | "byAdvisor"
  | "byBackup"
  | "byPartnerManager"
  | "byTeam"
  | "byManager"
  | "unassignedTeam"
  | "unassigned";

export type Sentence = { key: `routing.${RoutingKey}`; params: Record<string, string | number> };

/** "Paul is away until …": why someone named was passed over. */
function passedOver(name: string, u: Unavailability): Sentence {
  if (u.why === "away") {
    return u.until
      ? { key: "routing.awayUntil", params: { name, until: u.until } }
      : { key: "routing.away", params: { name } };
  }
  if (u.why === "outside_hours") {
    return u.back_at
      ? { key: "routing.outsideHoursUntil", params: { name, back: u.back_at } }
      : { key: "routing.outsideHours", params: { name } };
  }
  if (u.why === "at_capacity") {
    return { key: "routing.atCapacity", params: { name, capacity: u.capacity ?? 0 } };
  }
  return { key: "routing.inactive", params: { name } };
}

const outcomes: Record<string, Sentence["key"]> = {
  advisor: "routing.byAdvisor",
  backup: "routing.byBackup",
  partner_manager: "routing.byPartnerManager",
  team: "routing.byTeam",
  manager: "routing.byManager",
};

export function routingSentences(r: RoutingReason): Sentence[] {
  const sentences: Sentence[] = [];
  if (r.advisor_name && r.advisor_unavailable) {
    sentences.push(passedOver(r.advisor_name, r.advisor_unavailable));
  }
  if (r.backup_name && r.backup_unavailable) {
    sentences.push(passedOver(r.backup_name, r.backup_unavailable));
  }
  const outcome = outcomes[r.code];
  if (outcome && r.assignee_name) {
    sentences.push({
      key: outcome,
      params: { name: r.assignee_name, team: r.team_name ?? "", load: r.open_load ?? 0 },
    });
  } else {
    sentences.push(
      r.team_name
        ? { key: "routing.unassignedTeam", params: { team: r.team_name } }
        : { key: "routing.unassigned", params: {} },
    );
  }
  return sentences;
}

/** A sentence's parameters as shown: its ISO instants (until, back) as dates in the console's language. */
export function shownParams(params: Record<string, string | number>, locale: string) {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      (k === "until" || k === "back") && typeof v === "string" ? formatDateTime(v, locale) : v,
    ]),
  );
}
