import { describe, expect, it } from "vitest";
import {
  type Candidate,
  evidenceBetween,
  foldedName,
  mergeSuggestions,
  scoreOf,
} from "./merge-suggestions.ts";

const customer = (id: string, c: Partial<Candidate> = {}): Candidate => ({
  id,
  name: "",
  organisationId: null,
  identities: [],
  sightings: [],
  ...c,
});
const email = (value: string) => ({ kind: "email", value });
const phone = (value: string) => ({ kind: "phone", value });

const marie = customer("a", {
  name: "Marie Dupont",
  organisationId: "org-1",
  identities: [email("marie@acme.test"), phone("+33612345678"), email("marie.dupont@gmail.com")],
});

describe("merge suggestion rules", () => {
  it.each<[string, Candidate, string[]]>([
    [
      "a message from the other carried her phone",
      customer("b", { sightings: [phone("+33612345678")] }),
      ["same_phone"],
    ],
    [
      "a message from the other carried her address",
      customer("b", { sightings: [email("marie@acme.test")] }),
      ["email_seen"],
    ],
    [
      "the other holds a +tag variant of her address",
      customer("b", { identities: [email("marie+shop@acme.test")] }),
      ["email_variant"],
    ],
    [
      "the other holds a dotted Gmail variant of her address",
      customer("b", { identities: [email("mariedupont+x@googlemail.com")] }),
      ["email_variant"],
    ],
    [
      "the same name at the same organisation",
      customer("b", { name: "marie  DUPONT", organisationId: "org-1" }),
      ["same_name_organisation"],
    ],
    [
      "the same name and an address at the same company domain",
      customer("b", { name: "Marie Dupont", identities: [email("m.dupont@acme.test")] }),
      ["same_name_domain"],
    ],
    [
      "the same name at a shared provider only",
      customer("b", { name: "Marie Dupont", identities: [email("marie.d@gmail.com")] }),
      [],
    ],
    ["the same name and nothing else", customer("b", { name: "Marie Dupont" }), []],
    [
      "a first name alone, same organisation",
      customer("b", { name: "Marie", organisationId: "org-1" }),
      [],
    ],
    [
      "someone else at the same company",
      customer("b", { name: "Paul Martin", identities: [email("paul@acme.test")] }),
      [],
    ],
  ])("%s → %j", (_, other, kinds) => {
    expect(evidenceBetween(marie, other).map((e) => e.kind)).toEqual(kinds);
  });

  it("weighs evidence in both directions: her message carried the other's number", () => {
    const other = customer("b", { identities: [phone("+33700000000")] });
    const seer = { ...marie, sightings: [phone("+33700000000")] };
    expect(evidenceBetween(seer, other)).toEqual([{ kind: "same_phone", phone: "+33700000000" }]);
  });

  it("scores more evidence higher, never above 1", () => {
    expect(scoreOf([])).toBe(0);
    expect(scoreOf([{ kind: "same_name_domain", name: "x", domain: "acme.test" }])).toBe(0.4);
    const both = scoreOf([
      { kind: "same_phone", phone: "+1" },
      { kind: "email_seen", email: "a@b.test" },
    ]);
    expect(both).toBe(0.91);
    expect(both).toBeLessThanOrEqual(1);
  });

  it("lists the likeliest first and leaves out those without evidence or itself", () => {
    const weak = customer("w", { name: "Marie Dupont", identities: [email("md@acme.test")] });
    const strong = customer("s", {
      sightings: [phone("+33612345678")],
      identities: [email("marie+x@acme.test")],
    });
    const none = customer("n", { name: "Paul Martin" });
    const list = mergeSuggestions(marie, [weak, none, strong, marie]);
    expect(list.map((s) => s.customer.id)).toEqual(["s", "w"]);
    expect(list[0]?.score).toBe(0.88);
  });

  it("folds names without case or accents, and needs a first and a last name", () => {
    expect(foldedName("  Élodie   Martin ")).toBe("elodie martin");
    expect(foldedName("Élodie")).toBeNull();
  });
});
