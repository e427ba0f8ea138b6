import { describe, expect, it } from "vitest";
import { defaultCalendar } from "./calendar.ts";
import { pauseAfter } from "./pause.ts";

const paris = defaultCalendar("Europe/Paris");
const running = { pausedSince: null, pausedBusinessMinutes: 0 };

describe("pauseAfter", () => {
  it("begins a pause when the conversation starts waiting on the customer", () => {
    const at = new Date("2026-06-01T10:00:00+02:00");
    expect(pauseAfter(paris, running, "waiting_customer", at)).toEqual({
      pausedSince: at,
      pausedBusinessMinutes: 0,
    });
  });

  it("keeps the pause's start while the conversation goes on waiting", () => {
    const began = { pausedSince: new Date("2026-06-01T10:00:00+02:00"), pausedBusinessMinutes: 30 };
    expect(
      pauseAfter(paris, began, "waiting_customer", new Date("2026-06-02T10:00:00+02:00")),
    ).toBe(began);
  });

  it("adds the pause's business minutes when the customer answers, nights and weekends left out", () => {
    const friday16 = new Date("2026-06-05T16:00:00+02:00");
    const monday10 = new Date("2026-06-08T10:00:00+02:00");
    expect(
      pauseAfter(paris, { pausedSince: friday16, pausedBusinessMinutes: 15 }, "open", monday10),
    ).toEqual({ pausedSince: null, pausedBusinessMinutes: 15 + 120 + 60 });
  });

  it("leaves a running clock alone", () => {
    expect(pauseAfter(paris, running, "open", new Date())).toBe(running);
  });
});
