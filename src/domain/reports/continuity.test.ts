import { describe, expect, it } from "vitest";
import { type ContinuityCount, foldContinuity } from "./continuity.ts";

const paul = "00000000-0000-7000-8000-000000000001";
const lea = "00000000-0000-7000-8000-000000000002";
const sales = "00000000-0000-7000-8000-0000000000a1";

const row = (r: Partial<ContinuityCount>): ContinuityCount => ({
  teamId: null,
  advisorId: null,
  conversations: 0,
  withAdvisor: 0,
  kept: 0,
  transfers: 0,
  ...r,
});

describe("the continuity report", () => {
  it("divides kept conversations by those whose customer has an advisor or backup", () => {
    const report = foldContinuity([
      row({
        teamId: sales,
        advisorId: paul,
        conversations: 4,
        withAdvisor: 4,
        kept: 3,
        transfers: 2,
      }),
      row({
        teamId: null,
        advisorId: lea,
        conversations: 1,
        withAdvisor: 1,
        kept: 0,
        transfers: 1,
      }),
      // A customer with no advisor and no backup: counted, never kept, outside the rate.
      row({
        teamId: sales,
        advisorId: null,
        conversations: 3,
        withAdvisor: 0,
        kept: 0,
        transfers: 0,
      }),
    ]);
    expect(report.totals).toEqual({
      conversations: 8,
      withAdvisor: 5,
      kept: 3,
      transfers: 3,
      continuityRate: 3 / 5,
      transfersPerConversation: 3 / 8,
    });
    expect(report.advisors.map((a) => [a.advisorId, a.continuityRate])).toEqual([
      [paul, 0.75],
      [lea, 0],
      [null, null],
    ]);
    expect(
      report.teams.map((t) => [t.teamId, t.conversations, t.transfersPerConversation]),
    ).toEqual([
      [sales, 7, 2 / 7],
      [null, 1, 1],
    ]);
  });

  it("has no rate rather than a zero when nothing was answered", () => {
    const report = foldContinuity([]);
    expect(report.totals.continuityRate).toBeNull();
    expect(report.totals.transfersPerConversation).toBeNull();
    expect(report.teams).toEqual([]);
  });

  it("adds up the rows of one advisor across teams", () => {
    const report = foldContinuity([
      row({ teamId: sales, advisorId: paul, conversations: 1, withAdvisor: 1, kept: 1 }),
      row({ teamId: null, advisorId: paul, conversations: 1, withAdvisor: 1, kept: 0 }),
    ]);
    expect(report.advisors).toHaveLength(1);
    expect(report.advisors[0]?.continuityRate).toBe(0.5);
  });
});
