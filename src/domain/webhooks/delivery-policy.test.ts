import { describe, expect, it } from "vitest";
import { afterAttempt, disableAfterMs, maxAttempts, nextAttemptAt } from "./delivery-policy.ts";

const now = new Date("2026-12-06T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("retries of a failed delivery", () => {
  it.each([
    [1, 5_000],
    [2, 300_000],
    [3, 1_800_000],
    [4, 7_200_000],
    [5, 18_000_000],
    [6, 36_000_000],
    [7, 36_000_000],
  ])("after failed attempt %i the next comes %i ms later", (attempt, delay) => {
    expect(nextAttemptAt(attempt, now)).toEqual(later(delay));
  });

  it("gives up after the last attempt", () => {
    expect(maxAttempts).toBe(8);
    expect(nextAttemptAt(8, now)).toBeNull();
  });
});

describe("an endpoint that keeps failing", () => {
  it("starts a failing streak at its first failure", () => {
    expect(afterAttempt({ failingSince: null }, false, now)).toEqual({
      failingSince: now,
      disable: false,
    });
  });

  it("is disabled once it has failed for five days without a success", () => {
    expect(afterAttempt({ failingSince: now }, false, later(disableAfterMs - 1)).disable).toBe(
      false,
    );
    expect(afterAttempt({ failingSince: now }, false, later(disableAfterMs))).toEqual({
      failingSince: now,
      disable: true,
    });
  });

  it("a success ends the streak", () => {
    expect(afterAttempt({ failingSince: now }, true, later(disableAfterMs))).toEqual({
      failingSince: null,
      disable: false,
    });
  });
});
