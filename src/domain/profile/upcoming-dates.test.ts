import { describe, expect, it } from "vitest";
import { dayIn, upcomingDates } from "./upcoming-dates.ts";

const birthday = (date: string) => ({ kind: "birthday", date });
const onDays = (list: ReturnType<typeof upcomingDates>) => list.map((d) => [d.on, d.in_days]);

describe("upcoming important dates", () => {
  it("brings a birthday to this year, with the age it will be", () => {
    expect(upcomingDates([birthday("1980-12-20")], "2026-12-06")).toEqual([
      { kind: "birthday", date: "1980-12-20", on: "2026-12-20", in_days: 14, years: 46 },
    ]);
  });

  it("counts today and the last day of the window, not the day after", () => {
    const dates = [birthday("1990-12-06"), birthday("1990-01-05"), birthday("1990-01-06")];
    expect(onDays(upcomingDates(dates, "2026-12-06"))).toEqual([
      ["2026-12-06", 0],
      ["2027-01-05", 30],
    ]);
  });

  it("crosses the year end: a birthday passed this year falls next year", () => {
    expect(onDays(upcomingDates([birthday("1975-01-02")], "2026-12-20"))).toEqual([
      ["2027-01-02", 13],
    ]);
    expect(upcomingDates([birthday("1975-12-01")], "2026-12-20")).toEqual([]);
    expect(onDays(upcomingDates([birthday("1999-12-31")], "2026-12-31"))).toEqual([
      ["2026-12-31", 0],
    ]);
  });

  it("keeps a 29 February birthday on the 28th in a common year", () => {
    expect(upcomingDates([birthday("2000-02-29")], "2027-02-10")).toEqual([
      { kind: "birthday", date: "2000-02-29", on: "2027-02-28", in_days: 18, years: 27 },
    ]);
  });

  it("keeps it on the 29th in a leap year, and counts across 29 February", () => {
    expect(onDays(upcomingDates([birthday("2000-02-29")], "2028-02-10"))).toEqual([
      ["2028-02-29", 19],
    ]);
    expect(onDays(upcomingDates([birthday("1990-03-10")], "2028-02-28"))).toEqual([
      ["2028-03-10", 11],
    ]);
  });

  it("once the 28th has passed in a common year, the next one is a year away", () => {
    expect(upcomingDates([birthday("2000-02-29")], "2027-03-01")).toEqual([]);
  });

  it("shows a one-off date once, only when it is ahead", () => {
    const dates = [
      { kind: "Move to Lyon", date: "2026-12-24" },
      { kind: "Trade show", date: "2025-12-24" },
    ];
    expect(upcomingDates(dates, "2026-12-06")).toEqual([
      { kind: "Move to Lyon", date: "2026-12-24", on: "2026-12-24", in_days: 18, years: null },
    ]);
  });

  it("counts years as a customer, and a first renewal recorded ahead of time", () => {
    const dates = [
      { kind: "customer_since", date: "2019-12-10" },
      { kind: "renewal", date: "2027-01-01" },
    ];
    expect(upcomingDates(dates, "2026-12-06").map((d) => [d.kind, d.in_days, d.years])).toEqual([
      ["customer_since", 4, 7],
      ["renewal", 26, 0],
    ]);
  });

  it("orders the soonest first and skips malformed days", () => {
    const dates = [birthday("1980-12-30"), birthday("nope"), birthday("1980-12-08")];
    expect(onDays(upcomingDates(dates, "2026-12-06"))).toEqual([
      ["2026-12-08", 2],
      ["2026-12-30", 24],
    ]);
  });

  it("takes today in the customer's time zone", () => {
    const now = new Date("2026-12-31T23:30:00Z");
    expect(dayIn(now, "UTC")).toBe("2026-12-31");
    expect(dayIn(now, "Europe/Paris")).toBe("2027-01-01");
    expect(dayIn(now, "America/New_York")).toBe("2026-12-31");
  });
});
