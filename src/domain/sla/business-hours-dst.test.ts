// Business time across daylight-saving changes in Paris and New York, and in Tokyo, which has none.
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, openingsOn } from "./business-hours.ts";
import { type BusinessCalendar, defaultCalendar } from "./calendar.ts";

const paris = defaultCalendar("Europe/Paris");
const newYork = defaultCalendar("America/New_York");
const tokyo = defaultCalendar("Asia/Tokyo");

function sundayOnly(start: string, end: string): BusinessCalendar {
  const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  return { ...paris, weeklyHours: { ...closed, sun: [{ start, end }] } };
}

describe("addBusinessMinutes across DST", () => {
  it("carries Friday afternoon into Monday when Paris leaves summer time", () => {
    const due = addBusinessMinutes(paris, new Date("2026-10-23T16:00:00+02:00"), 240);
    expect(due).toEqual(new Date("2026-10-26T11:00:00+01:00"));
    expect(due.toISOString()).toBe("2026-10-26T10:00:00.000Z");
  });

  it("carries Friday afternoon into Monday when Paris enters summer time", () => {
    const due = addBusinessMinutes(paris, new Date("2026-03-27T16:00:00+01:00"), 240);
    expect(due).toEqual(new Date("2026-03-30T11:00:00+02:00"));
  });

  it("carries Friday afternoon into Monday when New York enters daylight time", () => {
    const due = addBusinessMinutes(newYork, new Date("2026-03-06T16:00:00-05:00"), 240);
    expect(due).toEqual(new Date("2026-03-09T11:00:00-04:00"));
  });

  it("carries Friday afternoon into Monday when New York leaves daylight time", () => {
    const due = addBusinessMinutes(newYork, new Date("2026-10-30T17:00:00-04:00"), 120);
    expect(due).toEqual(new Date("2026-11-02T10:00:00-05:00"));
  });

  it("counts Tokyo hours in Tokyo, whatever the UTC date", () => {
    const due = addBusinessMinutes(tokyo, new Date("2026-06-05T17:30:00+09:00"), 60);
    expect(due).toEqual(new Date("2026-06-08T09:30:00+09:00"));
    expect(due.toISOString()).toBe("2026-06-08T00:30:00.000Z");
  });
});

describe("openingsOn DST edge days", () => {
  it("drops a range that lies in the hour skipped in spring", () => {
    const night = sundayOnly("02:00", "03:00");
    expect(openingsOn(night, Temporal.PlainDate.from("2026-03-29"))).toEqual([]);
  });

  it("counts the repeated autumn hour as real time", () => {
    const night = sundayOnly("01:00", "04:00");
    const from = new Date("2026-10-25T00:00:00+02:00");
    const to = new Date("2026-10-26T00:00:00+01:00");
    expect(businessMinutesBetween(night, from, to)).toBe(240);
  });

  it("merges overlapping ranges of an unvalidated calendar instead of counting twice", () => {
    const overlapping = {
      ...paris,
      weeklyHours: {
        ...paris.weeklyHours,
        mon: [
          { start: "09:00", end: "12:00" },
          { start: "11:00", end: "13:00" },
        ],
      },
    };
    const from = new Date("2026-06-01T00:00:00+02:00");
    const to = new Date("2026-06-02T00:00:00+02:00");
    expect(businessMinutesBetween(overlapping, from, to)).toBe(240);
  });
});
