import { describe, expect, it } from "vitest";
import type { Customer } from "../../api/types.ts";
import { draftOf, patchOf } from "./profile-draft.ts";

const identity = (kind: "email" | "phone", value: string, display: string) => ({
  id: value,
  kind,
  value,
  display_value: display,
  verified: false,
  flags: [],
});

const customer: Customer = {
  id: "c1",
  name: "Marie Dupont",
  preferred_language: "fr",
  time_zone: null,
  preferred_channel: null,
  contact_times: "",
  notes: "VIP",
  important_dates: [{ kind: "birthday", date: "1980-05-02" }],
  preferences: [],
  tags: [],
  advisor_id: null,
  backup_id: null,
  organisation: null,
  identities: [
    identity("email", "marie@example.fr", "Marie@Example.fr"),
    identity("phone", "+33612345678", "+33 6 12 34 56 78"),
  ],
  merged_into_id: null,
  merged_into: null,
  merge_id: null,
  erased_at: null,
  created_at: "2025-01-01T00:00:00Z",
  updated_at: "2025-01-01T00:00:00Z",
};

const kindText = (kind: string) => (kind === "birthday" ? "Anniversaire" : kind);
const kindOf = (text: string) => (text.toLowerCase() === "anniversaire" ? "birthday" : text);

describe("the profile's edit draft", () => {
  it("holds the profile as the form shows it and sends nothing when nothing changed", () => {
    const draft = draftOf(customer, kindText);
    expect(draft).toMatchObject({
      emails: "Marie@Example.fr",
      phones: "+33 6 12 34 56 78",
      language: "fr",
      channel: "",
      dates: [{ kind: "Anniversaire", date: "1980-05-02" }],
    });
    expect(patchOf(customer, draft, kindOf)).toEqual({});
  });

  it("sends only what changed: whole lists of addresses, dates with their stored kinds", () => {
    const draft = {
      ...draftOf(customer, kindText),
      name: " Marie Martin ",
      emails: "Marie@Example.fr\n\n  marie@work.test ",
      channel: "phone" as const,
      dates: [
        { kind: "Anniversaire", date: "1980-05-02" },
        { kind: "Contract renewal", date: "2026-09-01" },
        { kind: "", date: "2026-01-01" },
      ],
    };
    expect(patchOf(customer, draft, kindOf)).toEqual({
      name: "Marie Martin",
      emails: ["Marie@Example.fr", "marie@work.test"],
      preferred_channel: "phone",
      important_dates: [
        { kind: "birthday", date: "1980-05-02" },
        { kind: "Contract renewal", date: "2026-09-01" },
      ],
    });
  });

  it("clears a language, a number and the notes", () => {
    const draft = { ...draftOf(customer, kindText), language: "", phones: "", notes: "" };
    expect(patchOf(customer, draft, kindOf)).toEqual({
      preferred_language: null,
      phones: [],
      notes: "",
    });
  });
});
