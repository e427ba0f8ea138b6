import { describe, expect, it } from "vitest";
import { phoneDigitsOf } from "./phone-digits.ts";

describe("phoneDigitsOf", () => {
  it("keeps the digits of a number typed with spaces, signs or an international prefix", () => {
    expect(phoneDigitsOf("12 34 56 78")).toBe("12345678");
    expect(phoneDigitsOf("+44 (20) 7946-0000")).toBe("442079460000");
    expect(phoneDigitsOf("0044 20 7946")).toBe("44207946");
  });

  it("leaves out a national number's trunk 0, to find it stored in E.164 too", () => {
    expect(phoneDigitsOf("06 12 34 56 78")).toBe("612345678");
  });

  it("is null for words, or too few digits to mean a number", () => {
    expect(phoneDigitsOf("holloway")).toBeNull();
    expect(phoneDigitsOf("derek 06")).toBeNull();
    expect(phoneDigitsOf("12")).toBeNull();
  });
});
