import { describe, expect, it } from "vitest";
import { isSnoozed, owesAnswer, snoozeEnd } from "./owed.ts";

const waiting = new Date("2026-12-01T09:00:00Z");
const base = { awaitingSince: waiting, spam: false, bulk: false, status: "open" as const };

describe("owesAnswer", () => {
  it("is owed while a customer message waits, whatever answers came before", () => {
    expect(owesAnswer(base)).toBe(true);
    expect(owesAnswer({ ...base, status: "waiting_customer" })).toBe(true);
  });
  it("is not owed once answered, as spam, as list mail, or finished", () => {
    expect(owesAnswer({ ...base, awaitingSince: null })).toBe(false);
    expect(owesAnswer({ ...base, spam: true })).toBe(false);
    expect(owesAnswer({ ...base, bulk: true })).toBe(false);
    expect(owesAnswer({ ...base, status: "resolved" })).toBe(false);
    expect(owesAnswer({ ...base, status: "closed" })).toBe(false);
  });
});

describe("snooze", () => {
  const snoozedAt = new Date("2026-12-01T10:00:00Z");
  const snoozedUntil = new Date("2026-12-03T08:00:00Z");
  const snoozed = { snoozedAt, snoozedUntil, lastCustomerMessageAt: waiting };
  it("stands until its date", () => {
    expect(isSnoozed(snoozed, new Date("2026-12-02T00:00:00Z"))).toBe(true);
    expect(isSnoozed(snoozed, snoozedUntil)).toBe(false);
    expect(snoozeEnd(snoozed)).toEqual(snoozedUntil);
  });
  it("ends when the customer writes after it was set", () => {
    const woken = { ...snoozed, lastCustomerMessageAt: new Date("2026-12-01T11:00:00Z") };
    expect(snoozeEnd(woken)).toBeNull();
    expect(isSnoozed(woken, new Date("2026-12-02T00:00:00Z"))).toBe(false);
  });
  it("is none when never set", () => {
    expect(
      snoozeEnd({ snoozedAt: null, snoozedUntil: null, lastCustomerMessageAt: null }),
    ).toBeNull();
  });
});
