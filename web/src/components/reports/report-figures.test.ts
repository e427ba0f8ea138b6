import { describe, expect, it } from "vitest";
import type { CharterFigures, CharterReport, WorkloadReport } from "../../api/reports.ts";
import { busiest, charterRows, periodOf, workloadRows } from "./report-figures.ts";

const figures = { open: 0, owed: 0, overdue: 0, breached: 0 };
const workload: WorkloadReport = {
  from: "2026-11-01T00:00:00.000Z",
  to: "2026-11-08T00:00:00.000Z",
  at: "2026-11-08T00:00:00.000Z",
  totals: { ...figures, answers: 0 },
  advisors: [
    { user_id: "u1", ...figures, open: 4, owed: 2, answers: 3, answered_conversations: 2 },
    { user_id: "u2", ...figures, open: 6, owed: 2, answers: 0, answered_conversations: 0 },
    { user_id: null, ...figures, open: 1, owed: 1, answers: 0, answered_conversations: 0 },
    { user_id: "gone", ...figures, answers: 1, answered_conversations: 1 },
  ],
  teams: [],
};

describe("the workload's rows", () => {
  it("name advisors, call nobody by its word and fall back on the id", () => {
    const names = new Map([
      ["u1", "Ada"],
      ["u2", "Bob"],
    ]);
    const rows = workloadRows(workload, (id) => names.get(id), "Unassigned");
    expect(rows.map((r) => r.name)).toEqual(["Ada", "Bob", "Unassigned", "gone"]);
    expect(rows[0]).toMatchObject({ open: 4, owed: 2, answers: 3 });
  });

  it("find the busiest by owed answers, then open conversations", () => {
    const rows = workloadRows(workload, () => undefined, "Unassigned");
    expect(busiest(rows)?.name).toBe("u2");
    expect(busiest(rows.map((r) => ({ ...r, open: 0 })))).toBeNull();
  });
});

describe("periodOf", () => {
  it("ends now and starts the given number of days before", () => {
    expect(periodOf(7, new Date("2026-11-08T12:00:00Z"))).toEqual({
      from: "2026-11-01T12:00:00.000Z",
      to: "2026-11-08T12:00:00.000Z",
    });
  });
});

describe("charterRows", () => {
  it("keeps the channels that had conversations, with their percentages", () => {
    const base: CharterFigures = {
      conversations: 0,
      counted: 0,
      answered: 0,
      percent_answered: null,
      within_promise: 0,
      promise_counted: 0,
      percent_within_promise: null,
      first_response_minutes: { median: null, p90: null },
      first_response_business_minutes: { median: null, p90: null },
    };
    const report: CharterReport = {
      brand: { id: "b", slug: "b", name: "B" },
      from: "",
      to: "",
      overall: base,
      channels: [
        { ...base, channel: "email", counted: 4, percent_answered: 75, percent_within_promise: 50 },
        { ...base, channel: "chat" },
      ],
    };
    expect(charterRows(report)).toEqual([{ channel: "email", answered: 75, withinPromise: 50 }]);
  });
});
