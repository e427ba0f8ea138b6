// Business time inside and outside hours, over weekends and holidays, and without any hours.
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  CalendarWithoutHoursError,
  isOpen,
  nextOpening,
} from "./business-hours.ts";
import { type BusinessCalendar, defaultCalendar } from "./calendar.ts";

const paris = defaultCalendar("Europe/Paris");
const newYork = defaultCalendar("America/New_York");

function calendarWith(
  hours: Partial<BusinessCalendar["weeklyHours"]>,
  holidays: string[] = [],
): BusinessCalendar {
  const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  return { timeZone: "Europe/Paris", weeklyHours: { ...closed, ...hours }, holidays };
}

const noHours = calendarWith({});

describe("addBusinessMinutes inside and outside hours", () => {
  it("stays within the same day when time is left", () => {
    const due = addBusinessMinutes(paris, new Date("2026-06-01T10:00:00+02:00"), 90);
    expect(due).toEqual(new Date("2026-06-01T11:30:00+02:00"));
  });

  it("ends exactly at closing time rather than the next morning", () => {
    const due = addBusinessMinutes(paris, new Date("2026-06-01T17:00:00+02:00"), 60);
    expect(due).toEqual(new Date("2026-06-01T18:00:00+02:00"));
  });

  it("starts the clock at opening for a message before hours", () => {
    const due = addBusinessMinutes(paris, new Date("2026-06-01T07:00:00+02:00"), 30);
    expect(due).toEqual(new Date("2026-06-01T09:30:00+02:00"));
  });

  it("starts the clock the next morning for a message after hours", () => {
    const due = addBusinessMinutes(paris, new Date("2026-06-01T19:00:00+02:00"), 30);
    expect(due).toEqual(new Date("2026-06-02T09:30:00+02:00"));
  });

  it("starts the clock on Monday for a message on Saturday", () => {
    const due = addBusinessMinutes(paris, new Date("2026-06-06T10:00:00+02:00"), 60);
    expect(due).toEqual(new Date("2026-06-08T10:00:00+02:00"));
  });

  it("answers the start itself for zero minutes inside hours", () => {
    const start = new Date("2026-06-01T10:00:00+02:00");
    expect(addBusinessMinutes(paris, start, 0)).toEqual(start);
  });

  it("answers the next opening for zero minutes at closing time", () => {
    const due = addBusinessMinutes(paris, new Date("2026-06-01T18:00:00+02:00"), 0);
    expect(due).toEqual(new Date("2026-06-02T09:00:00+02:00"));
  });

  it("skips a lunch break between two ranges", () => {
    const split = calendarWith({
      mon: [
        { start: "09:00", end: "12:00" },
        { start: "14:00", end: "18:00" },
      ],
    });
    const due = addBusinessMinutes(split, new Date("2026-06-01T11:00:00+02:00"), 120);
    expect(due).toEqual(new Date("2026-06-01T15:00:00+02:00"));
  });

  it("runs through midnight when a range ends at 24:00 and the next day starts at 00:00", () => {
    const evenings = calendarWith({
      sat: [{ start: "20:00", end: "24:00" }],
      sun: [{ start: "00:00", end: "02:00" }],
    });
    const due = addBusinessMinutes(evenings, new Date("2026-06-06T23:00:00+02:00"), 120);
    expect(due).toEqual(new Date("2026-06-07T01:00:00+02:00"));
  });

  it("refuses negative or infinite minutes", () => {
    const start = new Date("2026-06-01T10:00:00+02:00");
    expect(() => addBusinessMinutes(paris, start, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(paris, start, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("holidays", () => {
  it("skip whole days, Christmas Eve and Christmas included", () => {
    const christmas = { ...paris, holidays: ["2026-12-24", "2026-12-25"] };
    const due = addBusinessMinutes(christmas, new Date("2026-12-23T17:00:00+01:00"), 120);
    expect(due).toEqual(new Date("2026-12-28T10:00:00+01:00"));
  });

  it("close the calendar for the day", () => {
    const mayDay = { ...paris, holidays: ["2026-05-01"] };
    expect(isOpen(mayDay, new Date("2026-05-01T10:00:00+02:00"))).toBe(false);
    expect(nextOpening(mayDay, new Date("2026-05-01T10:00:00+02:00"))).toEqual(
      new Date("2026-05-04T09:00:00+02:00"),
    );
  });
});

describe("a calendar without open hours", () => {
  it("throws a typed error instead of searching forever", () => {
    const start = new Date("2026-06-01T10:00:00+02:00");
    expect(() => addBusinessMinutes(noHours, start, 60)).toThrow(CalendarWithoutHoursError);
    expect(() => nextOpening(noHours, start)).toThrow(CalendarWithoutHoursError);
  });

  it("gives up when holidays cover every open day for years", () => {
    const mondays: string[] = [];
    for (let d = Temporal.PlainDate.from("2026-06-01"); d.year < 2031; d = d.add({ days: 7 })) {
      mondays.push(d.toString());
    }
    const mondaysOnly = calendarWith({ mon: [{ start: "09:00", end: "18:00" }] }, mondays);
    const start = new Date("2026-06-01T10:00:00+02:00");
    expect(() => addBusinessMinutes(mondaysOnly, start, 60)).toThrow(CalendarWithoutHoursError);
  });

  it("counts no business time and is never open", () => {
    const from = new Date("2026-06-01T00:00:00Z");
    const to = new Date("2026-07-01T00:00:00Z");
    expect(businessMinutesBetween(noHours, from, to)).toBe(0);
    expect(isOpen(noHours, from)).toBe(false);
  });
});

describe("businessMinutesBetween", () => {
  it("counts Friday afternoon and Monday morning across the autumn DST change", () => {
    const from = new Date("2026-10-23T16:00:00+02:00");
    const to = new Date("2026-10-26T11:00:00+01:00");
    expect(businessMinutesBetween(paris, from, to)).toBe(240);
  });

  it("counts 2,700 minutes in a whole Paris week", () => {
    const from = new Date("2026-06-01T00:00:00+02:00");
    const to = new Date("2026-06-08T00:00:00+02:00");
    expect(businessMinutesBetween(paris, from, to)).toBe(2700);
  });

  it("is negative when the end comes before the start", () => {
    const from = new Date("2026-06-01T10:00:00+02:00");
    const to = new Date("2026-06-01T11:30:00+02:00");
    expect(businessMinutesBetween(paris, to, from)).toBe(-90);
  });

  it("is zero between two instants outside hours on the same night", () => {
    const from = new Date("2026-06-01T19:00:00+02:00");
    const to = new Date("2026-06-02T08:00:00+02:00");
    expect(businessMinutesBetween(paris, from, to)).toBe(0);
  });

  it("counts fractions of a minute", () => {
    const from = new Date("2026-06-01T10:00:00+02:00");
    const to = new Date("2026-06-01T10:00:30+02:00");
    expect(businessMinutesBetween(paris, from, to)).toBe(0.5);
  });

  it("undoes addBusinessMinutes for starts inside hours", () => {
    const start = new Date("2026-10-22T10:15:00+02:00");
    for (const minutes of [0, 1, 59, 465, 540, 541, 2700, 10_000]) {
      const due = addBusinessMinutes(paris, start, minutes);
      expect(businessMinutesBetween(paris, start, due)).toBe(minutes);
    }
  });
});

describe("isOpen and nextOpening", () => {
  it("is open from opening time up to, not including, closing time", () => {
    expect(isOpen(paris, new Date("2026-06-01T09:00:00+02:00"))).toBe(true);
    expect(isOpen(paris, new Date("2026-06-01T17:59:59+02:00"))).toBe(true);
    expect(isOpen(paris, new Date("2026-06-01T18:00:00+02:00"))).toBe(false);
    expect(isOpen(paris, new Date("2026-06-06T11:00:00+02:00"))).toBe(false);
  });

  it("answers the instant itself while open", () => {
    const at = new Date("2026-06-01T10:00:00+02:00");
    expect(nextOpening(paris, at)).toEqual(at);
  });

  it("answers Monday morning from Friday evening", () => {
    expect(nextOpening(paris, new Date("2026-06-05T18:30:00+02:00"))).toEqual(
      new Date("2026-06-08T09:00:00+02:00"),
    );
  });

  it("answers Monday morning in New York from a Saturday in UTC", () => {
    expect(nextOpening(newYork, new Date("2026-06-06T03:00:00Z"))).toEqual(
      new Date("2026-06-08T09:00:00-04:00"),
    );
  });
});
