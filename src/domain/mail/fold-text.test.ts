import { describe, expect, it } from "vitest";
import { foldText } from "./fold-text.ts";

describe("folded text", () => {
  it("drops case and French accents", () => {
    expect(foldText("Vous avez GAGNÉ à Noël, déjà reçu")).toBe("vous avez gagne a noel, deja recu");
  });

  it("spells ligatures out", () => {
    expect(foldText("Cœur, Ælfred, Straße")).toBe("coeur, aelfred, strasse");
  });

  it("turns typographic apostrophes into plain ones", () => {
    expect(foldText("l’offre d’aujourd’hui")).toBe("l'offre d'aujourd'hui");
  });
});
