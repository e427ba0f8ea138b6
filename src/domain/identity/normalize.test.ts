import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone } from "./normalize.ts";

describe("identity normalisation", () => {
  it("finds an email address again whatever its case and surrounding spaces", () => {
    expect(normalizeEmail("  Marie.Dupont@Example.FR ")).toBe("marie.dupont@example.fr");
  });

  it("keeps a phone number's leading + and its digits only", () => {
    expect(normalizePhone("+33 6 12-34-56-78")).toBe("+33612345678");
    expect(normalizePhone("0033 6 12 34 56 78")).toBe("+33612345678");
    expect(normalizePhone("06.12.34.56.78")).toBe("0612345678");
  });

  it("refuses what cannot be a phone number", () => {
    expect(normalizePhone("call me")).toBeNull();
    expect(normalizePhone("12")).toBeNull();
    expect(normalizePhone("1".repeat(20))).toBeNull();
  });
});
