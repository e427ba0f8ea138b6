import { describe, expect, it } from "vitest";
import { changesBetween, presentFields } from "./changes.ts";

describe("what an update changed", () => {
  it("names only the listed fields that differ, with their values before and after", () => {
    const before = { name: "Shop", slug: "shop", updatedAt: new Date(1) };
    const after = { name: "Boutique", slug: "shop", updatedAt: new Date(2) };
    expect(changesBetween(before, after, ["name", "slug"])).toEqual({
      before: { name: "Shop" },
      after: { name: "Boutique" },
    });
  });

  it("sees no change when nothing differs, so that no event is written", () => {
    const row = { name: "Shop", addresses: ["a@b.test"] };
    expect(
      changesBetween(row, { ...row, addresses: ["a@b.test"] }, ["name", "addresses"]),
    ).toBeNull();
  });

  it("compares stored JSON whatever the order of its keys", () => {
    const stored = { hours: { sun: [], mon: [{ end: "18:00", start: "09:00" }] } };
    const sent = { hours: { mon: [{ start: "09:00", end: "18:00" }], sun: [] } };
    expect(changesBetween(stored, sent, ["hours"])).toBeNull();
  });

  it("sees a change in the order of a list, and in dates", () => {
    expect(changesBetween({ a: ["x", "y"] }, { a: ["y", "x"] }, ["a"])).not.toBeNull();
    expect(changesBetween({ at: new Date(1) }, { at: new Date(2) }, ["at"])).not.toBeNull();
    expect(changesBetween({ at: new Date(1) }, { at: new Date(1) }, ["at"])).toBeNull();
  });

  it("treats null as a value to set and undefined as no change", () => {
    expect(presentFields({ name: undefined, calendarId: null, slug: "x" })).toEqual({
      calendarId: null,
      slug: "x",
    });
  });
});
