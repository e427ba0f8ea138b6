import { describe, expect, it } from "vitest";
import { identityChanges } from "./identity-changes.ts";

const held = [
  { id: "e1", kind: "email", value: "marie@example.fr" },
  { id: "p1", kind: "phone", value: "+33612345678" },
  { id: "c1", kind: "chat", value: "visitor-42" },
];

describe("identityChanges", () => {
  it("keeps what is still written, in any case or spacing, and adds the rest as written", () => {
    expect(
      identityChanges(held, {
        email: [" Marie@Example.FR ", "m.dupont@Work.test"],
        phone: ["+33 6 12 34 56 78"],
      }),
    ).toEqual({
      add: [
        {
          kind: "email",
          value: "m.dupont@work.test",
          displayValue: "m.dupont@Work.test",
          matchKey: "m.dupont@work.test",
        },
      ],
      remove: [],
      invalid: [],
    });
  });

  it("removes the addresses no longer written, and leaves a kind that is not edited alone", () => {
    expect(identityChanges(held, { email: [] })).toEqual({ add: [], remove: ["e1"], invalid: [] });
    expect(identityChanges(held, { phone: [] }).remove).toEqual(["p1"]);
    expect(identityChanges(held, {}).remove).toEqual([]);
  });

  it("counts an address written twice once", () => {
    const changes = identityChanges([], { email: ["a@b.test", "A@B.test"] });
    expect(changes.add).toEqual([
      { kind: "email", value: "a@b.test", displayValue: "a@b.test", matchKey: "a@b.test" },
    ]);
  });

  it("names what cannot be a phone number", () => {
    expect(identityChanges(held, { phone: ["12", "+33612345678"] }).invalid).toEqual([
      { kind: "phone", written: "12" },
    ]);
  });

  it("reads a national number in the brand's country, so it is the one already held", () => {
    expect(identityChanges(held, { phone: ["06 12 34 56 78"] }, "FR")).toEqual({
      add: [],
      remove: [],
      invalid: [],
    });
    expect(identityChanges(held, { phone: ["06 12 34 56 78"] }).add).toHaveLength(1);
  });
});
