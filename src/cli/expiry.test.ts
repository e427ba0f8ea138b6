import { describe, expect, it } from "vitest";
import { parseExpiry } from "./expiry.ts";
import { UsageError } from "./run-command.ts";

const now = new Date("2026-03-02T10:00:00Z");

describe("token expiry on the command line", () => {
  it("reads days and hours from now", () => {
    expect(parseExpiry("90d", now).toISOString()).toBe("2026-05-31T10:00:00.000Z");
    expect(parseExpiry("12h", now).toISOString()).toBe("2026-03-02T22:00:00.000Z");
  });

  it("reads an ISO date (midnight UTC) or instant", () => {
    expect(parseExpiry("2027-01-31", now).toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(parseExpiry("2027-01-31T18:00:00+02:00", now).toISOString()).toBe(
      "2027-01-31T16:00:00.000Z",
    );
  });

  it("refuses what it cannot read, and the past, as bad usage", () => {
    for (const text of [
      "soon",
      "31/01/2027",
      "2027-02-30",
      "2027-01-31T25:00Z",
      "0d",
      "2026-03-01",
    ]) {
      expect(() => parseExpiry(text, now), text).toThrow(UsageError);
    }
  });
});
