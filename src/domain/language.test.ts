// Language detection on short French and English messages, and the choice of language to write in.
import { describe, expect, it } from "vitest";
import { chooseLanguage, detectLanguage } from "./language.ts";

describe("detectLanguage", () => {
  it.each([
    "Bonjour, ma commande n'est pas arrivée",
    "Je voudrais un remboursement",
    "Où est ma commande ?",
    "Pouvez-vous me rappeler demain matin ?",
    "Annulez ma réservation svp",
    "le produit ne fonctionne plus",
  ])("recognises French with confidence: %s", (text) => {
    expect(detectLanguage(text)).toEqual({ language: "fr", reliable: true });
  });

  it.each([
    "My order has not arrived yet",
    "Hello, can you help me?",
    "Where is my parcel",
    "Please call me back tomorrow",
    "I am still waiting for an answer",
    "the product stopped working",
  ])("recognises English with confidence: %s", (text) => {
    expect(detectLanguage(text)).toEqual({ language: "en", reliable: true });
  });

  it.each(["OK", "Merci", "hi"])("is not confident about a single short word: %s", (text) => {
    expect(detectLanguage(text).reliable).toBe(false);
  });

  it("finds nothing in an empty or numeric message", () => {
    expect(detectLanguage("")).toEqual({ language: null, reliable: false });
    expect(detectLanguage("12345 !!!")).toEqual({ language: null, reliable: false });
  });
});

describe("chooseLanguage", () => {
  const frenchDetected = { language: "fr", reliable: true } as const;

  it("follows the customer's preference above all", () => {
    expect(
      chooseLanguage({ customerPreference: "en", detected: frenchDetected, brandLanguage: "fr" }),
    ).toBe("en");
  });

  it("uses the language detected with confidence when there is no preference", () => {
    expect(
      chooseLanguage({ customerPreference: null, detected: frenchDetected, brandLanguage: "en" }),
    ).toBe("fr");
  });

  it("falls back to the brand's language when detection is not confident", () => {
    const unsure = { language: "fr", reliable: false } as const;
    expect(
      chooseLanguage({ customerPreference: null, detected: unsure, brandLanguage: "en" }),
    ).toBe("en");
  });

  it("falls back to the brand's language when nothing was detected", () => {
    expect(chooseLanguage({ customerPreference: null, detected: null, brandLanguage: "fr" })).toBe(
      "fr",
    );
  });
});
