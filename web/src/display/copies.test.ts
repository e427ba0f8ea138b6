import { describe, expect, it } from "vitest";
import { parseCopies } from "./copies.ts";

describe("the Cc field", () => {
  it("reads addresses separated by commas, semicolons or spaces, once each", () => {
    expect(parseCopies(" paul@example.com, compta@example.org;paul@example.com ")).toEqual({
      valid: ["paul@example.com", "compta@example.org"],
      invalid: [],
    });
    expect(parseCopies("")).toEqual({ valid: [], invalid: [] });
  });

  it("names what cannot be an address", () => {
    expect(parseCopies("paul@example.com, paul, a@b")).toEqual({
      valid: ["paul@example.com"],
      invalid: ["paul", "a@b"],
    });
  });
});
