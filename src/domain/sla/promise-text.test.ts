// The response time promised to a customer, in French and English, in the brand's time zone.
import { describe, expect, it } from "vitest";
import { promiseText } from "./promise-text.ts";

const timeZone = "Europe/Paris";
const mondayAfternoon = new Date("2026-11-23T15:00:00+01:00");

function promise(due: string, language: "fr" | "en", now = mondayAfternoon) {
  return promiseText({ due: new Date(due), now, timeZone, language });
}

describe("promiseText", () => {
  it("promises a time later today", () => {
    expect(promise("2026-11-23T17:00:00+01:00", "fr")).toBe("avant 17 h aujourd'hui");
    expect(promise("2026-11-23T17:00:00+01:00", "en")).toBe("by 5:00 pm today");
  });

  it("promises tomorrow at noon", () => {
    expect(promise("2026-11-24T12:00:00+01:00", "fr")).toBe("avant demain 12 h");
    expect(promise("2026-11-24T12:00:00+01:00", "en")).toBe("by 12:00 pm tomorrow");
  });

  it("names the weekday within the coming week", () => {
    const friday = new Date("2026-11-27T17:00:00+01:00");
    expect(promise("2026-11-30T10:00:00+01:00", "fr", friday)).toBe("avant lundi 10 h");
    expect(promise("2026-11-30T10:00:00+01:00", "en", friday)).toBe("by Monday 10:00 am");
  });

  it("gives the date a week or more ahead", () => {
    expect(promise("2026-12-03T10:00:00+01:00", "fr")).toBe("avant le 3 décembre 10 h");
    expect(promise("2026-12-03T10:00:00+01:00", "en")).toBe("by 3 December 10:00 am");
  });

  it("writes the first of the month as 1er in French", () => {
    expect(promise("2026-12-01T09:00:00+01:00", "fr", new Date("2026-11-20T09:00:00+01:00"))).toBe(
      "avant le 1er décembre 9 h",
    );
  });

  it("adds the year when the date falls in another year", () => {
    const christmas = new Date("2026-12-24T17:00:00+01:00");
    expect(promise("2027-01-04T11:00:00+01:00", "en", christmas)).toBe(
      "by 4 January 2027 11:00 am",
    );
  });

  it("writes minutes in both languages", () => {
    expect(promise("2026-11-23T16:30:00+01:00", "fr")).toBe("avant 16 h 30 aujourd'hui");
    expect(promise("2026-11-23T16:30:00+01:00", "en")).toBe("by 4:30 pm today");
  });

  it("drops seconds so that the promise is never later than the due time", () => {
    expect(promise("2026-11-23T16:30:59+01:00", "en")).toBe("by 4:30 pm today");
  });

  it("counts days in the brand's time zone, not in UTC", () => {
    const afterMidnightInParis = new Date("2026-11-23T23:30:00Z");
    expect(promise("2026-11-24T09:00:00+01:00", "fr", afterMidnightInParis)).toBe(
      "avant 9 h aujourd'hui",
    );
    expect(
      promiseText({
        due: new Date("2026-11-24T02:00:00Z"),
        now: new Date("2026-11-23T14:00:00Z"),
        timeZone: "America/New_York",
        language: "en",
      }),
    ).toBe("by 9:00 pm today");
  });

  it("uses summer time on the day after the clocks change", () => {
    const saturday = new Date("2026-03-28T10:00:00+01:00");
    expect(promise("2026-03-30T11:00:00+02:00", "en", saturday)).toBe("by Monday 11:00 am");
  });

  it("writes noon and midnight on the 12-hour clock as 12", () => {
    expect(promise("2026-11-24T00:00:00+01:00", "en")).toBe("by 12:00 am tomorrow");
  });
});
