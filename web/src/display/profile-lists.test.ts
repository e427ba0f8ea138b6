import { describe, expect, it } from "vitest";
import { profileListChanges } from "./profile-lists.ts";

describe("the preferences and tags a profile change added or removed", () => {
  it("reads them from the event's data", () => {
    expect(
      profileListChanges({
        fields: ["preferences", "tags"],
        preferences: { added: [{ kind: "diet", text: "allergic to nuts" }], removed: [] },
        tags: { added: ["vip"], removed: ["b2b"] },
      }),
    ).toEqual({
      preferencesAdded: [{ kind: "diet", text: "allergic to nuts" }],
      preferencesRemoved: [],
      tagsAdded: ["vip"],
      tagsRemoved: ["b2b"],
    });
  });

  it("is null for a change of other fields, and ignores malformed entries", () => {
    expect(profileListChanges({ fields: ["name"] })).toBeNull();
    expect(profileListChanges({ preferences: { added: [{ kind: 1 }, "x"] } })).toBeNull();
  });
});
