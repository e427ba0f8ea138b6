import { describe, expect, it } from "vitest";
import { defaultCalendar } from "../sla/calendar.ts";
import { type Candidate, type RoutingState, routeConversation } from "./route-conversation.ts";

// Monday 23 November 2026, 10:00 in Paris (09:00 UTC).
const now = new Date("2026-11-23T09:00:00Z");
const evening = new Date("2026-11-23T19:00:00Z");
const person = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  active: true,
  schedule: defaultCalendar("Europe/Paris"),
  outOfOffice: null,
  capacity: null,
  openLoad: 0,
  lastAssignedAt: null,
  ...over,
});
const away = { outOfOffice: { from: null, until: new Date("2026-11-30T08:00:00Z") } };
const team = (members: Candidate[], manager: Candidate | null = person("marc")) => ({
  id: "team-1",
  name: "Support",
  manager,
  members,
});
const state = (over: Partial<RoutingState>): RoutingState => ({
  now,
  promiseDueAt: new Date("2026-11-23T13:00:00Z"),
  advisor: null,
  backup: null,
  partner: null,
  team: null,
  ...over,
});

const cases: Array<[string, RoutingState, string | null, string]> = [
  [
    "the advisor at work",
    state({ advisor: person("paul"), team: team([person("zoe")]) }),
    "paul",
    "advisor",
  ],
  [
    "the advisor away: the backup",
    state({ advisor: person("paul", away), backup: person("lea") }),
    "lea",
    "backup",
  ],
  [
    "the advisor at capacity: the backup",
    state({ advisor: person("paul", { capacity: 3, openLoad: 3 }), backup: person("lea") }),
    "lea",
    "backup",
  ],
  [
    "the advisor outside hours until after the promise: the backup",
    state({
      now: evening,
      promiseDueAt: new Date("2026-11-23T20:00:00Z"),
      advisor: person("paul"),
      backup: person("lea", { schedule: null }),
    }),
    "lea",
    "backup",
  ],
  [
    "the advisor outside hours but at work before the promise falls due: the advisor",
    state({
      now: evening,
      promiseDueAt: new Date("2026-11-24T11:00:00Z"),
      advisor: person("paul"),
    }),
    "paul",
    "advisor",
  ],
  [
    "no backup: the least loaded of the team",
    state({
      advisor: person("paul", away),
      team: team([person("zoe", { openLoad: 4 }), person("yann", { openLoad: 2 })]),
    }),
    "yann",
    "team",
  ],
  [
    "equal loads: the one whose conversations have been quiet the longest",
    state({
      team: team([
        person("zoe", { openLoad: 2, lastAssignedAt: new Date("2026-11-23T08:00:00Z") }),
        person("yann", { openLoad: 2, lastAssignedAt: new Date("2026-11-23T08:30:00Z") }),
      ]),
    }),
    "zoe",
    "team",
  ],
  [
    "nobody of the team available: the manager",
    state({ team: team([person("zoe", away), person("yann", { active: false })]) }),
    "marc",
    "manager",
  ],
  [
    "no team member and no manager: unassigned with the team",
    state({ team: team([], null) }),
    null,
    "unassigned",
  ],
  ["no team at all, no advisor: unassigned", state({}), null, "unassigned"],
  [
    "a partner organisation: its partner manager before the team",
    state({ partner: { manager: person("nora") }, team: team([person("zoe")]) }),
    "nora",
    "partner_manager",
  ],
  [
    "a partner organisation whose customer has an advisor at work: the advisor",
    state({ advisor: person("paul"), partner: { manager: person("nora") } }),
    "paul",
    "advisor",
  ],
  [
    "away with no end given from a past date: away",
    state({
      advisor: person("paul", {
        outOfOffice: { from: new Date("2026-11-01T00:00:00Z"), until: null },
      }),
      backup: person("lea"),
    }),
    "lea",
    "backup",
  ],
  [
    "out of office in the future only: still available",
    state({
      advisor: person("paul", {
        outOfOffice: {
          from: new Date("2026-11-25T00:00:00Z"),
          until: new Date("2026-11-27T00:00:00Z"),
        },
      }),
    }),
    "paul",
    "advisor",
  ],
];

describe("routing a new conversation", () => {
  it.each(cases)("%s", (_name, s, assignee, code) => {
    const routed = routeConversation(s);
    expect(routed.assignee_id).toBe(assignee);
    expect(routed.reason.code).toBe(code);
    expect(routed.team_id).toBe(s.team?.id ?? null);
  });

  it("says why the advisor was passed over, with the names", () => {
    const routed = routeConversation(
      state({ advisor: person("paul", away), backup: person("lea") }),
    );
    expect(routed.reason).toEqual({
      code: "backup",
      assignee_name: "Lea",
      advisor_name: "Paul",
      advisor_unavailable: { why: "away", until: "2026-11-30T08:00:00.000Z" },
      backup_name: "Lea",
    });
  });

  it("says when an advisor outside hours is back", () => {
    const routed = routeConversation(
      state({ now: evening, promiseDueAt: evening, advisor: person("paul"), team: team([], null) }),
    );
    expect(routed.reason.advisor_unavailable).toEqual({
      why: "outside_hours",
      back_at: "2026-11-24T08:00:00.000Z",
    });
    expect(routed.reason.team_name).toBe("Support");
  });
});
