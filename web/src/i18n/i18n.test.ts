import { describe, expect, it } from "vitest";
import { profileLanguage } from "./i18n.ts";

describe("the language a profile gives the console", () => {
  it("keeps the language already spoken when the advisor works in it", () => {
    expect(profileLanguage(["en", "fr"], "fr")).toBe("fr");
    expect(profileLanguage(["fr-CA"], "fr")).toBe("fr");
  });

  it("is the profile's first language the console speaks otherwise", () => {
    expect(profileLanguage(["en"], "fr")).toBe("en");
    expect(profileLanguage(["de", "fr"], "en")).toBe("fr");
    expect(profileLanguage(["de"], "en")).toBeNull();
  });
});
