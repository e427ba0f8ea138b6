import { describe, expect, it } from "vitest";
import { closedErasable, closedErasableBefore } from "./retention.ts";

const now = new Date("2026-12-05T12:00:00Z");

describe("retention of closed conversations", () => {
  it("keeps everything when the workspace has no period", () => {
    expect(closedErasableBefore(now, null)).toBeNull();
    expect(closedErasable(new Date("2001-01-01T00:00:00Z"), now, null)).toBe(false);
  });

  it("erases a conversation closed longer ago than the period, not one closed within it", () => {
    expect(closedErasableBefore(now, 30)).toEqual(new Date("2026-11-05T12:00:00Z"));
    expect(closedErasable(new Date("2026-11-05T11:59:59Z"), now, 30)).toBe(true);
    expect(closedErasable(new Date("2026-11-05T12:00:00Z"), now, 30)).toBe(false);
    expect(closedErasable(new Date("2026-12-01T00:00:00Z"), now, 30)).toBe(false);
  });

  it("never erases a conversation that is not closed", () => {
    expect(closedErasable(null, now, 1)).toBe(false);
  });
});
