import { describe, expect, it } from "vitest";
import { formatMoney } from "./money.ts";

// Intl separates French groups and the symbol with narrow or plain no-break spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("an amount in minor units", () => {
  it("is shown in its currency, as the locale writes it", () => {
    expect(formatMoney(1999, "EUR", "en")).toBe("€19.99");
    expect(plain(formatMoney(1999, "EUR", "fr"))).toBe("19,99 €");
    expect(plain(formatMoney(123456789, "EUR", "fr"))).toBe("1 234 567,89 €");
    expect(formatMoney(5, "USD", "en")).toBe("$0.05");
  });

  it("knows currencies without cents and with three digits", () => {
    expect(formatMoney(2500, "JPY", "en")).toBe("¥2,500");
    expect(plain(formatMoney(1500, "KWD", "en"))).toBe("KWD 1.500");
  });
});
