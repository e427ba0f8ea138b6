import { describe, expect, it } from "vitest";
import { decideTags, maxTags, normaliseTag, withTags } from "./tags.ts";

describe("tags", () => {
  it("are normalised and kept once, in the order given", () => {
    expect(normaliseTag("  #Late Delivery ")).toBe("late-delivery");
    expect(decideTags(["Refund", "refund ", "", "VIP"])).toEqual({
      ok: true,
      tags: ["refund", "vip"],
    });
  });
  it("are refused past the caps", () => {
    expect(decideTags(["x".repeat(33)]).ok).toBe(false);
    const many = Array.from({ length: maxTags + 1 }, (_, i) => `t${i}`);
    expect(decideTags(many).ok).toBe(false);
  });
  it("are added to those a conversation has", () => {
    expect(withTags(["refund"], ["Refund", "urgent"])).toEqual({
      ok: true,
      tags: ["refund", "urgent"],
    });
  });
});
