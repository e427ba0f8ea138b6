// Due times from a conversation's clock state, warning instants, and the time-left text.
import { describe, expect, it } from "vitest";
import { defaultCalendar } from "./calendar.ts";
import { type ClockState, computeDueTimes, describeTimeLeft, warningTimes } from "./due-times.ts";
import { defaultPolicy } from "./policy.ts";

const paris = defaultCalendar("Europe/Paris");
const monday10 = new Date("2026-06-01T10:00:00+02:00");

function clock(overrides: Partial<ClockState> = {}): ClockState {
  return {
    calendar: paris,
    policy: defaultPolicy("normal"),
    status: "new",
    awaitingSince: monday10,
    firstHumanAnswerAt: null,
    createdAt: monday10,
    ...overrides,
  };
}

describe("computeDueTimes", () => {
  it("gives a new conversation a first response due 4 business hours after the message", () => {
    expect(computeDueTimes(clock())).toEqual({
      firstResponseDueAt: new Date("2026-06-01T14:00:00+02:00"),
      nextResponseDueAt: null,
      resolutionDueAt: new Date("2026-06-08T10:00:00+02:00"),
    });
  });

  it("gives an urgent conversation one business hour for the first response", () => {
    const due = computeDueTimes(clock({ policy: defaultPolicy("urgent") }));
    expect(due.firstResponseDueAt).toEqual(new Date("2026-06-01T11:00:00+02:00"));
  });

  it("starts the first-response clock at the next opening for a message sent at night", () => {
    const night = new Date("2026-06-01T22:00:00+02:00");
    const due = computeDueTimes(clock({ awaitingSince: night, createdAt: night }));
    expect(due.firstResponseDueAt).toEqual(new Date("2026-06-02T13:00:00+02:00"));
  });

  it("gives a next response due 8 business hours after a customer message following an answer", () => {
    const followUp = new Date("2026-06-02T15:00:00+02:00");
    const due = computeDueTimes(
      clock({ status: "open", firstHumanAnswerAt: monday10, awaitingSince: followUp }),
    );
    expect(due.firstResponseDueAt).toBeNull();
    expect(due.nextResponseDueAt).toEqual(new Date("2026-06-03T14:00:00+02:00"));
  });

  it("has no response due when nothing awaits an answer, but keeps the resolution clock", () => {
    const due = computeDueTimes(
      clock({ status: "open", awaitingSince: null, firstHumanAnswerAt: monday10 }),
    );
    expect(due.firstResponseDueAt).toBeNull();
    expect(due.nextResponseDueAt).toBeNull();
    expect(due.resolutionDueAt).toEqual(new Date("2026-06-08T10:00:00+02:00"));
  });

  it("pauses every clock while waiting on the customer", () => {
    const due = computeDueTimes(
      clock({ status: "waiting_customer", firstHumanAnswerAt: monday10 }),
    );
    expect(due).toEqual({
      firstResponseDueAt: null,
      nextResponseDueAt: null,
      resolutionDueAt: null,
    });
  });

  it("keeps the clocks running while waiting on a third party", () => {
    const due = computeDueTimes(clock({ status: "waiting_third_party" }));
    expect(due.firstResponseDueAt).toEqual(new Date("2026-06-01T14:00:00+02:00"));
  });

  it.each(["resolved", "closed"] as const)("has nothing due once %s", (status) => {
    expect(computeDueTimes(clock({ status }))).toEqual({
      firstResponseDueAt: null,
      nextResponseDueAt: null,
      resolutionDueAt: null,
    });
  });

  it("pushes the resolution due time back by the business time spent paused", () => {
    const due = computeDueTimes(clock({ status: "open", pausedBusinessMinutes: 540 }));
    expect(due.resolutionDueAt).toEqual(new Date("2026-06-09T10:00:00+02:00"));
  });
});

describe("warningTimes", () => {
  it("warns the assignee at 75 % and the manager at 90 % of four business hours", () => {
    const due = new Date("2026-06-01T14:00:00+02:00");
    expect(warningTimes(monday10, due, paris)).toEqual({
      assigneeWarningAt: new Date("2026-06-01T13:00:00+02:00"),
      managerWarningAt: new Date("2026-06-01T13:36:00+02:00"),
      breachAt: due,
    });
  });

  it("counts only business time when the clock spans a weekend", () => {
    const friday = new Date("2026-06-05T16:00:00+02:00");
    const due = new Date("2026-06-08T11:00:00+02:00");
    const warnings = warningTimes(friday, due, paris);
    expect(warnings.assigneeWarningAt).toEqual(new Date("2026-06-08T10:00:00+02:00"));
    expect(warnings.managerWarningAt).toEqual(new Date("2026-06-08T10:36:00+02:00"));
  });

  it("puts every warning at the due time when no business time separates them", () => {
    const saturday = new Date("2026-06-06T10:00:00+02:00");
    const due = new Date("2026-06-06T12:00:00+02:00");
    expect(warningTimes(saturday, due, paris)).toEqual({
      assigneeWarningAt: due,
      managerWarningAt: due,
      breachAt: due,
    });
  });
});

describe("describeTimeLeft", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  it("counts minutes under an hour", () => {
    expect(describeTimeLeft(now, inMinutes(35), "en")).toBe("due in 35 min");
    expect(describeTimeLeft(now, inMinutes(35), "fr")).toBe("à rendre dans 35 min");
  });

  it("counts hours, with minutes when there are some", () => {
    expect(describeTimeLeft(now, inMinutes(120), "en")).toBe("due in 2 h");
    expect(describeTimeLeft(now, inMinutes(125), "fr")).toBe("à rendre dans 2 h 5 min");
  });

  it("counts days and hours beyond a day", () => {
    expect(describeTimeLeft(now, inMinutes(1440 + 180 + 7), "en")).toBe("due in 1 day 3 h");
    expect(describeTimeLeft(now, inMinutes(3 * 1440), "fr")).toBe("à rendre dans 3 jours");
  });

  it("says how late an overdue answer is", () => {
    expect(describeTimeLeft(now, inMinutes(-120), "en")).toBe("overdue by 2 h");
    expect(describeTimeLeft(now, inMinutes(-120), "fr")).toBe("en retard de 2 h");
  });

  it("rounds down to whole minutes", () => {
    expect(describeTimeLeft(now, inMinutes(35.9), "en")).toBe("due in 35 min");
  });

  it("says due now within a minute either side", () => {
    expect(describeTimeLeft(now, inMinutes(0.5), "en")).toBe("due now");
    expect(describeTimeLeft(now, inMinutes(-0.5), "fr")).toBe("à rendre maintenant");
  });
});
