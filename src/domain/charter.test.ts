import { describe, expect, it } from "vitest";
import {
  type CharterRow,
  charterByChannel,
  charterFigures,
  charterLanguage,
  percentile,
} from "./charter.ts";
import { defaultCalendar } from "./sla/calendar.ts";

const calendar = defaultCalendar("Europe/Paris");
const now = new Date("2026-11-27T17:00:00Z");
const monday9 = new Date("2026-11-23T08:00:00Z");
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

function row(partial: Partial<CharterRow>): CharterRow {
  return {
    channel: "email",
    status: "resolved",
    closeReason: null,
    spam: false,
    createdAt: monday9,
    firstHumanAnswerAt: null,
    promisedFirstResponseAt: plus(monday9, 240),
    ...partial,
  };
}

describe("the commitment charter", () => {
  it("leaves spam, duplicates and merges out and counts 'nothing to answer' as answered", () => {
    const f = charterFigures(
      [
        row({ firstHumanAnswerAt: plus(monday9, 30) }),
        row({ closeReason: "nothing_to_answer" }),
        row({ closeReason: "spam" }),
        row({ closeReason: "duplicate" }),
        row({ closeReason: "merged" }),
        row({ spam: true, status: "new" }),
        row({ status: "open" }),
      ],
      now,
      calendar,
    );
    expect(f).toMatchObject({ conversations: 7, counted: 3, answered: 2, percentAnswered: 66.7 });
  });

  it("leaves out list and bulk mail that no advisor has said is owed an answer", () => {
    const f = charterFigures(
      [row({ firstHumanAnswerAt: plus(monday9, 30) }), row({ bulk: true, status: "new" })],
      now,
      calendar,
    );
    expect(f).toMatchObject({ conversations: 2, counted: 1, answered: 1, percentAnswered: 100 });
  });

  it("counts a still-open conversation against the promise only once it is overdue", () => {
    const f = charterFigures(
      [
        row({ firstHumanAnswerAt: plus(monday9, 60) }), // within
        row({ firstHumanAnswerAt: plus(monday9, 300) }), // late
        row({ status: "open" }), // unanswered and overdue
        row({ status: "new", promisedFirstResponseAt: plus(now, 60) }), // not yet due: not counted
      ],
      now,
      calendar,
    );
    expect(f).toMatchObject({ withinPromise: 1, promiseCounted: 3, percentWithinPromise: 33.3 });
  });

  it("gives median and p90 first response in wall-clock and business minutes", () => {
    const friday17 = new Date("2026-11-20T16:00:00Z");
    const f = charterFigures(
      [
        row({ firstHumanAnswerAt: plus(monday9, 10) }),
        row({ firstHumanAnswerAt: plus(monday9, 20) }),
        // Friday 17:00 → Monday 10:00: 65 wall-clock hours but 2 business hours.
        row({ createdAt: friday17, firstHumanAnswerAt: new Date("2026-11-23T09:00:00Z") }),
      ],
      now,
      calendar,
    );
    expect(f.firstResponseMinutes).toEqual({ median: 20, p90: 65 * 60 });
    expect(f.firstResponseBusinessMinutes).toEqual({ median: 20, p90: 120 });
  });

  it("has no percentages when there is nothing to count", () => {
    expect(charterFigures([], now, calendar)).toMatchObject({
      percentAnswered: null,
      percentWithinPromise: null,
      firstResponseMinutes: { median: null },
    });
  });

  it("splits the figures by channel", () => {
    const byChannel = charterByChannel(
      [row({ channel: "form" }), row({ channel: "email", firstHumanAnswerAt: plus(monday9, 5) })],
      now,
      calendar,
    );
    expect(byChannel.channels.map((c) => [c.channel, c.answered])).toEqual([
      ["email", 1],
      ["form", 0],
    ]);
    expect(byChannel.overall.counted).toBe(2);
  });

  it("takes percentiles by nearest rank", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 50)).toBe(7);
  });
});

describe("the public charter's language", () => {
  it("follows ?lang= first, then the browser's languages by weight, then the brand's", () => {
    expect(charterLanguage("fr", "en-GB,en", "en")).toBe("fr");
    expect(charterLanguage("de", "fr-CA;q=0.5,en;q=0.9", "fr")).toBe("en");
    expect(charterLanguage(undefined, "de-DE,fr;q=0.8,en;q=0.7", "en")).toBe("fr");
    expect(charterLanguage(undefined, "de-DE", "fr")).toBe("fr");
    expect(charterLanguage(undefined, undefined, "fr")).toBe("fr");
    expect(charterLanguage(undefined, "en;q=0, fr;q=0.1", "en")).toBe("fr");
    expect(charterLanguage(undefined, "", "nl")).toBe("en");
  });
});
