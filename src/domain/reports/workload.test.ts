import { describe, expect, it } from "vitest";
import { foldWorkload } from "./workload.ts";

const row = (assigneeId: string | null, teamId: string | null, open: number, owed = 0) => ({
  assigneeId,
  teamId,
  open,
  owed,
  overdue: Math.min(owed, 1),
  breached: 0,
});

describe("foldWorkload", () => {
  it("adds an advisor's rows across teams and a team's rows across advisors", () => {
    const w = foldWorkload(
      [row("ada", "t1", 2, 1), row("ada", "t2", 3, 2), row("bob", "t1", 1, 0)],
      [],
    );
    expect(w.advisors.find((a) => a.userId === "ada")).toMatchObject({ open: 5, owed: 3 });
    expect(w.teams.find((t) => t.teamId === "t1")).toMatchObject({ open: 3, owed: 1 });
    expect(w.totals).toMatchObject({ open: 6, owed: 3, overdue: 2, answers: 0 });
  });

  it("puts the busiest first and nobody last", () => {
    const w = foldWorkload(
      [row(null, null, 9, 9), row("bob", "t1", 1, 0), row("ada", "t1", 4, 2)],
      [],
    );
    expect(w.advisors.map((a) => a.userId)).toEqual(["ada", "bob", null]);
    expect(w.teams.map((t) => t.teamId)).toEqual(["t1", null]);
  });

  it("keeps an advisor who answered but holds nothing open", () => {
    const w = foldWorkload([], [{ userId: "cy", answers: 4, conversations: 3 }]);
    expect(w.advisors).toEqual([
      {
        userId: "cy",
        open: 0,
        owed: 0,
        overdue: 0,
        breached: 0,
        answers: 4,
        answeredConversations: 3,
      },
    ]);
    expect(w.totals.answers).toBe(4);
    expect(w.teams).toEqual([]);
  });
});
