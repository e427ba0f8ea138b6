import { describe, expect, it } from "vitest";
import { i18nIn } from "../i18n/i18n.ts";
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

  it("reach every number put into a translation", async () => {
    const { t } = await i18nIn("fr");
    expect(t("spam.score", { score: 7.5 })).toBe("Score de spam 7,5");
    expect(t("spam.points", { count: 2.5 })).toBe("+2,5 points");
    expect(t("problems.rate_limited", { count: 12_345 })).toMatch(
      /dans 12[\u00a0\u202f]345\u00a0secondes/,
    );
    expect(t("problems.rate_limited", { count: 2026 })).toContain("dans 2026\u00a0secondes");
    const english = await i18nIn("en");
    expect(english.t("problems.rate_limited", { count: 12_345 })).toContain("in 12,345 seconds");
  });
});
