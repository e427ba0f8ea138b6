import { describe, expect, it } from "vitest";
import { type MoodLabel, moodOf } from "./mood.ts";
import { isNegator, negated } from "./negation.ts";

const cases: Array<[string, "fr" | "en" | null, MoodLabel]> = [
  ["pas content", "fr", "negative"],
  ["Je ne suis pas content du tout", null, "negative"],
  ["Je ne suis plus satisfait de vos services", null, "negative"],
  ["Ma commande n'est toujours pas arrivée, c'est inadmissible", null, "negative"],
  ["Très déçu, le colis est arrivé abîmé", null, "negative"],
  ["tres decu, colis abime", "fr", "negative"],
  ["très satisfait", "fr", "positive"],
  ["Merci beaucoup, tout est parfait !", null, "positive"],
  ["Sans problème, merci", "fr", "positive"],
  ["Je suis plus que satisfait", "fr", "positive"],
  ["Bonjour, pouvez-vous m'envoyer la facture ? Merci", null, "neutral"],
  ["Ce n'est pas grave", "fr", "neutral"],
  ["not bad", "en", "positive"],
  ["I am not happy with this order", null, "negative"],
  ["The product arrived broken and I am really disappointed", null, "negative"],
  ["This is great, thank you so much!", null, "positive"],
  ["Hello, can you send me the invoice please? Thanks", null, "neutral"],
  ["I don't like it", "en", "negative"],
  ["Never happy with your service", "en", "negative"],
];

describe("the mood of a customer's message", () => {
  it.each(cases)("%j (%s) reads %s", (text, language, label) => {
    expect(moodOf(text, language).label).toBe(label);
  });

  it("names the words that made it, and which were turned around by a negation", () => {
    const mood = moodOf("Je ne suis pas content, c'est inadmissible", "fr");
    expect(mood.words).toEqual(["content", "inadmissible"]);
    expect(mood.reasons).toEqual([
      { word: "content", score: -2, negated: true },
      { word: "inadmissible", score: -4, negated: false },
    ]);
    expect(mood.score).toBe(-6);
  });

  it("stops a negation at the end of its clause", () => {
    expect(moodOf("I did not get it. Great service otherwise", "en").label).toBe("positive");
    expect(moodOf("Je n'ai rien reçu. Super service sinon", "fr").label).toBe("positive");
  });

  it("reads only the customer's own words, not the quoted history", () => {
    const mail = "Merci, parfait !\n\nLe 3 mars, Rapport a écrit :\n> inadmissible, horrible, nul";
    expect(moodOf(mail, "fr").label).toBe("positive");
  });

  it("is neutral on an empty message", () => {
    expect(moodOf("", null)).toEqual({ label: "neutral", score: 0, words: [], reasons: [] });
  });
});

describe("negation", () => {
  it("reaches three tokens back, not four", () => {
    expect(negated("en", ["not", "really", "very", "happy"], 3)).toBe(true);
    expect(negated("en", ["not", "a", "really", "very", "happy"], 4)).toBe(false);
  });

  it("counts French 'plus' only after 'ne'", () => {
    expect(isNegator("fr", "plus", ["ne"])).toBe(true);
    expect(isNegator("fr", "plus", ["suis"])).toBe(false);
    expect(isNegator("fr", "n'", [])).toBe(true);
  });

  it("counts every English n't form", () => {
    expect(isNegator("en", "shouldn't", [])).toBe(true);
    expect(isNegator("en", "very", [])).toBe(false);
  });
});
