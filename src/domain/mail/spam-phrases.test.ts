import { describe, expect, it } from "vitest";
import { SPAM_PHRASES, spamPhrases } from "./spam-phrases.ts";

describe("spam phrases", () => {
  it("are found in English and French, whatever the case and accents", () => {
    expect(spamPhrases("Congratulations, YOU HAVE WON the Lottery")).toEqual([
      "lottery",
      "you have won",
    ]);
    expect(spamPhrases("Vous avez GAGNÉ ! Cliquez-ici ou cliquez ici. Crédit sans frais.")).toEqual(
      ["vous avez gagne", "credit sans frais", "cliquez ici"],
    );
  });

  it("know the advance-fee letter in both languages", () => {
    expect(
      spamPhrases(
        "STRICTLY CONFIDENTIAL: as next of kin you may receive the transfer of the funds",
      ),
    ).toEqual(["next of kin", "strictly confidential", "transfer of the funds"]);
    expect(spamPhrases("Une proposition d’affaires strictement confidentielle")).toEqual([
      "proposition d'affaires",
    ]);
  });

  it("match whole words only", () => {
    expect(spamPhrases("Nous regagnez nos clients ; the lotteryticket; gagnezvous")).toEqual([]);
  });

  it("span line breaks, repeated spaces and hyphens between words", () => {
    expect(spamPhrases("please\nact   now")).toEqual(["act now"]);
    expect(spamPhrases("Risk-free, cliquez-ici")).toEqual(["risk free", "cliquez ici"]);
  });

  it("hold symbols as written", () => {
    expect(spamPhrases("This is 100% free!")).toEqual(["100% free"]);
    expect(spamPhrases("This is 1100% free")).toEqual([]);
  });

  it("are none in an ordinary customer message", () => {
    expect(
      spamPhrases("Bonjour, ma commande n° 1234 n'est pas arrivée, pouvez-vous vérifier ? Merci"),
    ).toEqual([]);
  });

  it("are all written folded, so that they can match at all", () => {
    for (const phrase of [...SPAM_PHRASES.en, ...SPAM_PHRASES.fr]) {
      expect(phrase).toBe(phrase.toLowerCase().normalize("NFD").replace(/\p{M}/gu, ""));
    }
  });
});
