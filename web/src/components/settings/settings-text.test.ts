import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../api/client.ts";
import {
  formatDay,
  formatMinutes,
  hoursAndMinutes,
  instantFromInput,
  isEmptyWeek,
  listFromText,
  localInputValue,
  parseRanges,
  parseWeek,
  problemsByField,
  rangesText,
  totalMinutes,
  weekText,
  withHoliday,
  withoutHoliday,
} from "./settings-text.ts";

describe("opening hours as text", () => {
  it("reads ranges with dashes, en dashes or words, and writes them back", () => {
    expect(parseRanges("09:00-12:00, 13:00 – 18:00")).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "13:00", end: "18:00" },
    ]);
    expect(parseRanges("8:30 à 17:00")).toEqual([{ start: "8:30", end: "17:00" }]);
    expect(rangesText(parseRanges("09:00-12:00,13:00-18:00"))).toBe("09:00–12:00, 13:00–18:00");
  });

  it("sends what it cannot read as typed, for the API to name the problem", () => {
    expect(parseRanges("nine")).toEqual([{ start: "nine", end: "" }]);
    expect(parseRanges("  ")).toEqual([]);
  });

  it("turns a week into one line per day and back, an empty line being a closed day", () => {
    const text = weekText({ mon: [{ start: "09:00", end: "18:00" }] });
    expect(text.mon).toBe("09:00–18:00");
    expect(text.sun).toBe("");
    const week = parseWeek(text);
    expect(week.mon).toEqual([{ start: "09:00", end: "18:00" }]);
    expect(week.tue).toEqual([]);
  });
});

describe("holidays", () => {
  it("stay sorted without repeats", () => {
    expect(withHoliday(["2026-12-25", "2026-05-01"], "2026-07-14")).toEqual([
      "2026-05-01",
      "2026-07-14",
      "2026-12-25",
    ]);
    expect(withHoliday(["2026-05-01"], "2026-05-01")).toEqual(["2026-05-01"]);
    expect(withoutHoliday(["2026-05-01", "2026-07-14"], "2026-05-01")).toEqual(["2026-07-14"]);
  });
});

describe("minutes", () => {
  it("split into hours and minutes and add back up", () => {
    expect(hoursAndMinutes(270)).toEqual({ hours: 4, minutes: 30 });
    expect(totalMinutes("4", "30")).toBe(270);
    expect(totalMinutes("", "45")).toBe(45);
    expect(totalMinutes("x", "0")).toBeNaN();
  });
});

describe("problemsByField", () => {
  it("files each problem under the field its path starts with", () => {
    const error = new ApiProblem({
      status: 400,
      code: "invalid_input",
      errors: [
        { path: "/weekly_hours/mon/0", message: "times are HH:MM", code: "invalid_time" },
        { path: "/name", message: "Too small", code: null },
        { path: "/", message: "nothing to change", code: null },
      ],
    });
    const byField = problemsByField(error);
    expect(byField.get("weekly_hours")?.[0]?.code).toBe("invalid_time");
    expect(byField.get("name")?.[0]?.message).toBe("Too small");
    expect(byField.get("")?.[0]?.message).toBe("nothing to change");
  });

  it("finds nothing in a failure that is not a problem document", () => {
    expect(problemsByField(new Error("boom")).size).toBe(0);
  });
});

describe("listFromText", () => {
  it("splits on commas and spaces and drops blanks", () => {
    expect(listFromText("a@x.fr, b@x.fr  ,")).toEqual(["a@x.fr", "b@x.fr"]);
  });
});

describe("datetime-local values", () => {
  it("round-trip an instant through the browser's time zone", () => {
    const iso = "2026-12-24T16:30:00.000Z";
    expect(instantFromInput(localInputValue(iso))).toBe(iso);
    expect(localInputValue(null)).toBe("");
    expect(instantFromInput("soon")).toBe("soon");
  });
});

describe("isEmptyWeek", () => {
  it("is true only when every day is closed", () => {
    expect(isEmptyWeek(parseWeek(weekText(null)))).toBe(true);
    expect(isEmptyWeek(parseWeek({ ...weekText(null), sat: "10:00-12:00" }))).toBe(false);
  });
});

describe("formatDay and formatMinutes", () => {
  it("write a holiday as the same calendar day in any time zone", () => {
    expect(formatDay("2026-12-25", "en-GB")).toBe("25 Dec 2026");
    expect(formatDay("2026-12-25", "fr")).toBe("25 déc. 2026");
  });

  it("write targets in hours and minutes, leaving out a zero part", () => {
    expect(formatMinutes(270, "en")).toBe("4 hr 30 min");
    expect(formatMinutes(60, "fr")).toBe("1\u202fh");
    expect(formatMinutes(45, "en")).toBe("45 min");
  });
});
