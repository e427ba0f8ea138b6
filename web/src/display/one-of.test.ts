import { describe, expect, it } from "vitest";
import { oneOf, readable } from "./one-of.ts";

describe("readable", () => {
  it("spaces out snake case, dotted types and camel case", () => {
    expect(readable("loyalty_milestone")).toBe("Loyalty milestone");
    expect(readable("merge.undone")).toBe("Merge undone");
    expect(readable("closeReason")).toBe("Close reason");
  });
});

describe("oneOf", () => {
  it("narrows only the values listed", () => {
    expect(oneOf(["a", "b"], "a")).toBe(true);
    expect(oneOf(["a", "b"], "c")).toBe(false);
  });
});
