import { describe, expect, it } from "vitest";
import { movedIndex, searchOptions } from "./search-options.ts";

describe("searchOptions", () => {
  it("lists the customers, then the conversations, then the two ways to see every match", () => {
    const options = searchOptions("colis abîmé", {
      customers: [{ id: "c1", name: "", name_runs: [], organisation: null, identity: null }],
      conversations: [
        {
          id: "v1",
          reference: "K7M2QX9A",
          subject: "",
          subject_runs: [],
          excerpt: null,
          status: "open",
          customer: { id: "c1", name: "" },
          last_activity_at: "2026-01-01T00:00:00Z",
        },
      ],
    });
    expect(options.map((o) => o.path)).toEqual([
      "/customers/c1",
      "/conversations/v1",
      "/?view=all&q=colis%20ab%C3%AEm%C3%A9",
      "/customers?q=colis%20ab%C3%AEm%C3%A9",
    ]);
  });
});

describe("movedIndex", () => {
  it("starts at the first (down) or the last (up) option, then goes round", () => {
    expect(movedIndex(-1, 1, 4)).toBe(0);
    expect(movedIndex(-1, -1, 4)).toBe(3);
    expect(movedIndex(3, 1, 4)).toBe(0);
    expect(movedIndex(0, -1, 4)).toBe(3);
    expect(movedIndex(1, 1, 4)).toBe(2);
    expect(movedIndex(0, 1, 0)).toBe(-1);
  });
});
