// A portal page's language: ?lang=, then Accept-Language by weight, then the brand's.
import { describe, expect, it } from "vitest";
import { askedLanguage, mailLanguage, pageLanguage } from "./page-language.ts";

describe("the portal's language", () => {
  it("is the one asked for in the address first", () => {
    expect(pageLanguage("fr", "en-GB,en;q=0.9", "en")).toBe("fr");
    expect(askedLanguage("fr")).toBe("fr");
  });

  it("else the reader's browser's, by weight", () => {
    expect(pageLanguage(undefined, "de;q=1, fr-CA;q=0.8, en;q=0.5", "en")).toBe("fr");
    expect(pageLanguage("xx", "en-US", "fr")).toBe("en");
    expect(askedLanguage("xx")).toBeNull();
  });

  it("else the brand's", () => {
    expect(pageLanguage(undefined, undefined, "fr")).toBe("fr");
    expect(pageLanguage(undefined, "de, es", "fr")).toBe("fr");
  });
});

describe("the sign-in mail's language", () => {
  it("is the customer's preference first", () => {
    expect(mailLanguage("fr", "Hello, where is my parcel? It is very late.", "en")).toBe("fr");
  });

  it("else the language of their latest message when it is clear", () => {
    expect(
      mailLanguage(null, "Bonjour, ma commande n'est jamais arrivée, pouvez-vous m'aider ?", "en"),
    ).toBe("fr");
  });

  it("else the brand's", () => {
    expect(mailLanguage(null, "OK", "fr")).toBe("fr");
    expect(mailLanguage(null, null, "en")).toBe("en");
    expect(mailLanguage("de", null, "xx")).toBe("en");
  });
});
