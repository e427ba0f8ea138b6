import { describe, expect, it } from "vitest";
import { defaultCalendar } from "../sla/calendar.ts";
import { brandAvailability, type TeamAdvisor } from "./availability.ts";

const calendar = defaultCalendar("Europe/Paris");
// Tuesday 1 December 2026, 10:00 in Paris: the default calendar (Mon–Fri 9–18) is open.
const open = new Date("2026-12-01T09:00:00Z");
const night = new Date("2026-12-01T20:00:00Z");
const advisor = (id: string, more: Partial<TeamAdvisor> = {}): TeamAdvisor => ({
  id,
  active: true,
  outOfOffice: null,
  ...more,
});

describe("online for the brand", () => {
  it("an advisor of the team with the console open, in business hours: online", () => {
    expect(
      brandAvailability({
        now: open,
        calendar,
        advisors: [advisor("lea"), advisor("paul")],
        consolesOpen: new Set(["paul", "someone-else"]),
      }),
    ).toEqual({ online: true, advisorIds: ["paul"] });
  });

  it("nobody of the team has the console open: nobody online", () => {
    expect(
      brandAvailability({
        now: open,
        calendar,
        advisors: [advisor("lea")],
        consolesOpen: new Set(["someone-else"]),
      }),
    ).toEqual({ online: false, why: "nobody_online" });
  });

  it("an advisor away or inactive does not count, console open or not", () => {
    expect(
      brandAvailability({
        now: open,
        calendar,
        advisors: [
          advisor("lea", { outOfOffice: { from: null, until: new Date("2026-12-02T00:00:00Z") } }),
          advisor("paul", { active: false }),
        ],
        consolesOpen: new Set(["lea", "paul"]),
      }),
    ).toEqual({ online: false, why: "nobody_online" });
  });

  it("an absence that ended counts the advisor again", () => {
    expect(
      brandAvailability({
        now: open,
        calendar,
        advisors: [advisor("lea", { outOfOffice: { from: null, until: open } })],
        consolesOpen: new Set(["lea"]),
      }).online,
    ).toBe(true);
  });

  it("outside business hours: closed, even with a console open", () => {
    expect(
      brandAvailability({
        now: night,
        calendar,
        advisors: [advisor("lea")],
        consolesOpen: new Set(["lea"]),
      }),
    ).toEqual({ online: false, why: "closed" });
  });

  it("a brand without a team is never online", () => {
    expect(
      brandAvailability({ now: open, calendar, advisors: [], consolesOpen: new Set(["lea"]) }),
    ).toEqual({ online: false, why: "nobody_online" });
  });
});
