import { describe, expect, it } from "vitest";
import { firstUnsafeString } from "./validation.ts";

describe("strings a request may not carry", () => {
  it("names the first NUL or lone surrogate in document order, by its JSON pointer", () => {
    expect(firstUnsafeString({ a: "ok", b: ["x", "y\u0000"], c: "\ud800" })).toEqual({
      path: "/b/1",
      message: "must not contain a NUL character (U+0000)",
    });
    expect(firstUnsafeString({ "a/b": { "~": "\udfff" } })?.path).toBe("/a~1b/~0");
    expect(firstUnsafeString("\u0000")?.path).toBe("/");
  });

  it("finds a bad field name", () => {
    expect(firstUnsafeString({ "x\u0000": 1 })?.message).toMatch(/^its name must not contain/);
  });

  it("accepts well-formed text, emoji and other types", () => {
    expect(firstUnsafeString({ a: "Merci 😀", b: [1, true, null, { c: "é" }] })).toBeNull();
  });

  it("walks a deeply nested document without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(firstUnsafeString(deep)?.path).toBe(`${"/0".repeat(200_000)}`);
  });
});
