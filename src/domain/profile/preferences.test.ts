import { describe, expect, it } from "vitest";
import { cleanPreferences, cleanTags, preferenceChanges, tagChanges } from "./preferences.ts";

describe("preferences", () => {
  it("trims their words, drops empty ones and keeps one of each in any case", () => {
    expect(
      cleanPreferences([
        { kind: "diet", text: "  allergic   to nuts " },
        { kind: "diet", text: "Allergic to nuts" },
        { kind: "contact", text: "allergic to nuts" },
        { kind: "other", text: "   " },
      ]),
    ).toEqual([
      { kind: "diet", text: "allergic to nuts" },
      { kind: "contact", text: "allergic to nuts" },
    ]);
  });

  it("says which entries were added and which removed", () => {
    const before = [
      { kind: "diet" as const, text: "allergic to nuts" },
      { kind: "contact" as const, text: "phone after 18 h" },
    ];
    const after = [
      { kind: "contact" as const, text: "Phone after 18 h" },
      { kind: "delivery" as const, text: "leave at the neighbour's" },
    ];
    expect(preferenceChanges(before, after)).toEqual({
      added: [{ kind: "delivery", text: "leave at the neighbour's" }],
      removed: [{ kind: "diet", text: "allergic to nuts" }],
    });
  });
});

describe("tags", () => {
  it("drops a leading #, spaces and duplicates in any case, first spelling kept", () => {
    expect(cleanTags(["#VIP", "vip", " wine  lover ", "", "Wine lover"])).toEqual([
      "VIP",
      "wine lover",
    ]);
  });

  it("says which were added and which removed", () => {
    expect(tagChanges(["vip", "b2b"], ["VIP", "press"])).toEqual({
      added: ["press"],
      removed: ["b2b"],
    });
  });
});
