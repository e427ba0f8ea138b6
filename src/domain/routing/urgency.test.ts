import { describe, expect, it } from "vitest";
import { detectUrgency, raisedPriority } from "./urgency.ts";

const cases: Array<[string, "high" | "urgent" | null, string[]]> = [
  ["C'est urgent, merci de me rappeler", "urgent", ["urgent"]],
  ["URGENT : commande bloquée", "urgent", ["urgent"]],
  ["Mon fils a une allergie aux noix, le plat en contenait", "urgent", ["allergie"]],
  ["J'ai été débité deux fois pour la même commande", "urgent", ["débité deux fois"]],
  ["I was charged twice for order 1234", "urgent", ["charged twice"]],
  ["He is allergic to peanuts", "urgent", ["allergic"]],
  ["J'en ai besoin pour ce soir", "high", ["ce soir"]],
  ["Please answer asap", "high", ["asap"]],
  ["Could you call me as soon as possible?", "high", ["as soon as possible"]],
  ["Ce n'est pas urgent, quand vous pourrez", null, []],
  ["pas urgent du tout", null, []],
  ["Not urgent, just a question about sizes", null, []],
  ["It isn't urgent", null, []],
  ["Rien d'urgent, simple question", null, []],
  ["Where is my parcel?", null, []],
  ["Pas urgent. Mais j'ai été débité deux fois", "urgent", ["débité deux fois"]],
  ["C'est urgent, je le veux ce soir", "urgent", ["urgent", "ce soir"]],
];

describe("urgency in a customer's words", () => {
  it.each(cases)("%s → %s", (text, priority, words) => {
    const found = detectUrgency(text);
    expect(found?.priority ?? null).toBe(priority);
    expect(found?.words ?? []).toEqual(words);
  });

  it("only ever raises a priority", () => {
    const urgent = detectUrgency("urgent");
    const high = detectUrgency("asap");
    expect(raisedPriority("normal", urgent)).toBe("urgent");
    expect(raisedPriority("low", high)).toBe("high");
    expect(raisedPriority("urgent", high)).toBeNull();
    expect(raisedPriority("high", high)).toBeNull();
    expect(raisedPriority("normal", null)).toBeNull();
  });
});
