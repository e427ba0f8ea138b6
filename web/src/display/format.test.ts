import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { resources } from "../i18n/i18n.ts";
import { formatNumber, formatPercent } from "./format.ts";

describe("numbers in the console's locale", () => {
  it("write a decimal comma in French and a point in English", () => {
    expect(formatNumber(7.5, "fr")).toBe("7,5");
    expect(formatNumber(7.5, "en")).toBe("7.5");
    expect(formatNumber(12_345.67, "fr")).toMatch(/^12[\u00a0\u202f]345,7$/);
    expect(formatNumber(12_345.67, "en-GB")).toBe("12,345.7");
  });

  it("write percentages with the locale's spacing", () => {
    expect(formatPercent(45.5, "fr")).toMatch(/^45,5[\u00a0\u202f]%$/);
    expect(formatPercent(45.5, "en")).toBe("45.5%");
  });

  it("reach the spam score and points through the catalogues", async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: "fr", interpolation: { escapeValue: false } });
    expect(i18n.t("spam.score", { score: 7.5 })).toBe("Score de spam 7,5");
    expect(i18n.t("spam.points", { count: 2.5 })).toBe("+2,5 points");
  });
});
