import { describe, expect, it } from "vitest";
import { dueSlaAlerts, nextSlaAlert } from "./alerts.ts";
import { defaultCalendar } from "./calendar.ts";

const calendar = defaultCalendar("Europe/Paris");
// Monday 23 November 2026, 09:00 Paris (08:00 UTC); 4 business hours due at 13:00 Paris.
const start = new Date("2026-11-23T08:00:00Z");
const due = new Date("2026-11-23T12:00:00Z");

describe("SLA alerts", () => {
  it("warns the assignee first, at 75 % of the business time", () => {
    expect(nextSlaAlert({ calendar, start, due, fired: [] })).toEqual({
      kind: "warn_assignee",
      at: new Date("2026-11-23T11:00:00Z"),
    });
  });

  it("then the manager at 90 %, then the breach at the due time", () => {
    expect(nextSlaAlert({ calendar, start, due, fired: ["warn_assignee"] })).toEqual({
      kind: "warn_manager",
      at: new Date("2026-11-23T11:36:00Z"),
    });
    expect(
      nextSlaAlert({ calendar, start, due, fired: ["warn_assignee", "warn_manager"] })?.kind,
    ).toBe("breach");
    expect(
      nextSlaAlert({ calendar, start, due, fired: ["warn_assignee", "warn_manager", "breach"] }),
    ).toBeNull();
  });

  it("raises nothing while nobody waits for an answer", () => {
    expect(nextSlaAlert({ calendar, start: null, due: null, fired: [] })).toBeNull();
    expect(dueSlaAlerts({ calendar, start: null, due: null, fired: [] }, due)).toEqual([]);
  });

  it("counts business time only: a wait over the night warns the next morning", () => {
    // Friday 17:00 Paris, 4 business hours → due Monday 12:00; 75 % = 3 h → Monday 11:00.
    const friday = new Date("2026-11-27T16:00:00Z");
    const monday = new Date("2026-11-30T11:00:00Z");
    expect(nextSlaAlert({ calendar, start: friday, due: monday, fired: [] })?.at).toEqual(
      new Date("2026-11-30T10:00:00Z"),
    );
  });

  it("lists every alert whose time has come when the sweep is late", () => {
    const late = new Date("2026-11-23T13:00:00Z");
    expect(dueSlaAlerts({ calendar, start, due, fired: [] }, late).map((a) => a.kind)).toEqual([
      "warn_assignee",
      "warn_manager",
      "breach",
    ]);
    expect(
      dueSlaAlerts({ calendar, start, due, fired: [] }, new Date("2026-11-23T11:10:00Z")).map(
        (a) => a.kind,
      ),
    ).toEqual(["warn_assignee"]);
  });
});
