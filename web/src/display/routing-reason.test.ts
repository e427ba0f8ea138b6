import { describe, expect, it } from "vitest";
import { routingSentences } from "./routing-reason.ts";

describe("the routing reason in words", () => {
  it("says the advisor is away and the backup answers", () => {
    expect(
      routingSentences({
        code: "backup",
        assignee_name: "Léa",
        advisor_name: "Paul",
        advisor_unavailable: { why: "away", until: "2026-11-30T08:00:00.000Z" },
        backup_name: "Léa",
      }),
    ).toEqual([
      { key: "routing.awayUntil", params: { name: "Paul", until: "2026-11-30T08:00:00.000Z" } },
      { key: "routing.byBackup", params: { name: "Léa", team: "", load: 0 } },
    ]);
  });

  it("says the team's least loaded answers when advisor and backup cannot", () => {
    const sentences = routingSentences({
      code: "team",
      assignee_name: "Zoé",
      advisor_name: "Paul",
      advisor_unavailable: { why: "at_capacity", capacity: 20 },
      backup_name: "Léa",
      backup_unavailable: { why: "outside_hours", back_at: "2026-11-24T08:00:00.000Z" },
      team_name: "Support",
      open_load: 3,
    });
    expect(sentences.map((s) => s.key)).toEqual([
      "routing.atCapacity",
      "routing.outsideHoursUntil",
      "routing.byTeam",
    ]);
    expect(sentences[2]?.params).toEqual({ name: "Zoé", team: "Support", load: 3 });
  });

  it("says nobody could take it, and in which team's queue it waits", () => {
    expect(
      routingSentences({ code: "unassigned", assignee_name: null, team_name: "Support" }),
    ).toEqual([{ key: "routing.unassignedTeam", params: { team: "Support" } }]);
    expect(routingSentences({ code: "unassigned", assignee_name: null })).toEqual([
      { key: "routing.unassigned", params: {} },
    ]);
  });
});
