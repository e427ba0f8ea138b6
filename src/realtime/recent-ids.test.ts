import { describe, expect, it } from "vitest";
import { recentIds } from "./recent-ids.ts";

describe("the ids a hub delivered lately", () => {
  it("keeps an id while it is inside the window", () => {
    let now = 100_000;
    const ids = recentIds(10_000, 100, () => now);
    ids.add("a", 95_000);
    expect(ids.has("a")).toBe(true);
    now = 104_000;
    ids.add("b", 104_000);
    expect(ids.has("a")).toBe(true);
  });

  it("forgets an id older than the window once another comes", () => {
    let now = 100_000;
    const ids = recentIds(10_000, 100, () => now);
    ids.add("a", 95_000);
    now = 106_000;
    ids.add("b", 106_000);
    expect(ids.has("a")).toBe(false);
    expect(ids.has("b")).toBe(true);
  });

  it("never holds more than its cap, forgetting the first added", () => {
    const ids = recentIds(10_000, 3, () => 0);
    for (const id of ["a", "b", "c", "d"]) ids.add(id, 0);
    expect(ids.size).toBe(3);
    expect(ids.has("a")).toBe(false);
    expect(ids.has("d")).toBe(true);
  });
});
