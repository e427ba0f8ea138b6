// The default calendar and the problems validateCalendar reports.
import { describe, expect, it } from "vitest";
import {
  type BusinessCalendar,
  clockMinutes,
  defaultCalendar,
  validateCalendar,
} from "./calendar.ts";

function withMonday(ranges: BusinessCalendar["weeklyHours"]["mon"]): BusinessCalendar {
  const calendar = defaultCalendar("Europe/Paris");
  return { ...calendar, weeklyHours: { ...calendar.weeklyHours, mon: ranges } };
}

function codes(calendar: BusinessCalendar) {
  return validateCalendar(calendar).map((problem) => `${problem.path}:${problem.code}`);
}

describe("defaultCalendar", () => {
  it("opens Monday to Friday from 09:00 to 18:00 in the given zone, without holidays", () => {
    const calendar = defaultCalendar("America/New_York");
    expect(calendar.timeZone).toBe("America/New_York");
    expect(calendar.weeklyHours.fri).toEqual([{ start: "09:00", end: "18:00" }]);
    expect(calendar.weeklyHours.sat).toEqual([]);
    expect(calendar.weeklyHours.sun).toEqual([]);
    expect(calendar.holidays).toEqual([]);
  });

  it("passes validation", () => {
    expect(validateCalendar(defaultCalendar("Asia/Tokyo"))).toEqual([]);
  });
});

describe("clockMinutes", () => {
  it("reads HH:MM and 24:00 as minutes since midnight", () => {
    expect(clockMinutes("00:00")).toBe(0);
    expect(clockMinutes("09:30")).toBe(570);
    expect(clockMinutes("24:00")).toBe(1440);
  });

  it("refuses anything else", () => {
    for (const time of ["9:00", "24:30", "25:00", "12:60", "noon", ""]) {
      expect(clockMinutes(time)).toBeNull();
    }
  });
});

describe("validateCalendar", () => {
  it("accepts a day that ends at 24:00", () => {
    expect(codes(withMonday([{ start: "20:00", end: "24:00" }]))).toEqual([]);
  });

  it("accepts ranges that touch without overlapping", () => {
    const ranges = [
      { start: "09:00", end: "12:00" },
      { start: "12:00", end: "18:00" },
    ];
    expect(codes(withMonday(ranges))).toEqual([]);
  });

  it("reports overlapping ranges of the same day, whatever their order", () => {
    const ranges = [
      { start: "13:00", end: "18:00" },
      { start: "09:00", end: "14:00" },
    ];
    expect(codes(withMonday(ranges))).toEqual(["weeklyHours.mon.0:overlapping_ranges"]);
  });

  it("reports a range that ends before it starts or is empty", () => {
    const ranges = [
      { start: "18:00", end: "09:00" },
      { start: "10:00", end: "10:00" },
    ];
    expect(codes(withMonday(ranges))).toEqual([
      "weeklyHours.mon.0:empty_range",
      "weeklyHours.mon.1:empty_range",
    ]);
  });

  it("reports malformed times and 24:00 as a start", () => {
    const ranges = [
      { start: "9:00", end: "18:00" },
      { start: "24:00", end: "24:00" },
    ];
    expect(codes(withMonday(ranges))).toEqual([
      "weeklyHours.mon.0:invalid_time",
      "weeklyHours.mon.1:invalid_time",
    ]);
  });

  it("reports an unknown time zone", () => {
    expect(codes({ ...defaultCalendar("Europe/Paris"), timeZone: "Mars/Olympus" })).toEqual([
      "timeZone:invalid_time_zone",
    ]);
  });

  it("reports holidays that are not real dates", () => {
    const calendar = { ...defaultCalendar("Europe/Paris"), holidays: ["2026-02-30", "25/12"] };
    expect(codes(calendar)).toEqual(["holidays.0:invalid_holiday", "holidays.1:invalid_holiday"]);
  });

  it("reports a calendar without any opening", () => {
    const calendar = defaultCalendar("Europe/Paris");
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(codes({ ...calendar, weeklyHours: closed })).toEqual(["weeklyHours:no_open_hours"]);
  });
});
