import { describe, expect, it } from "vitest";
import { previewLength, previewOf } from "./preview.ts";

describe("previewOf", () => {
  it("puts a body on one line", () => {
    expect(previewOf("  Hello,\n\n  my   order\tis late. ")).toBe("Hello, my order is late.");
  });
  it("cuts a long body at a word, with an ellipsis", () => {
    const preview = previewOf("word ".repeat(100));
    expect(preview.endsWith("word…")).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(previewLength + 1);
  });
  it("cuts a body without spaces where it must", () => {
    expect(previewOf("x".repeat(300))).toBe(`${"x".repeat(previewLength)}…`);
  });
});
