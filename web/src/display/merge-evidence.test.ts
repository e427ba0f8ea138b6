import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { TimelineEntry } from "../api/types.ts";
import { timelineText } from "../components/customer/timeline-text.ts";
import { resources } from "../i18n/i18n.ts";
import { evidenceText, likelihoodOf, movesText } from "./merge-evidence.ts";
import { timelineLine } from "./timeline-entry.ts";

const en = i18next.createInstance();
const fr = i18next.createInstance();

beforeAll(async () => {
  const options = { resources, fallbackLng: false, interpolation: { escapeValue: false } } as const;
  await en.init({ ...options, lng: "en" });
  await fr.init({ ...options, lng: "fr" });
});

describe("a merge suggestion in words", () => {
  it.each([
    [0.91, "very_likely"],
    [0.7, "likely"],
    [0.4, "possible"],
  ] as const)("says a score of %s is %s", (score, words) => {
    expect(likelihoodOf(score)).toBe(words);
  });

  it("says each piece of evidence in both languages", () => {
    const variant = {
      kind: "email_variant" as const,
      email: "marie@acme.test",
      other_email: "marie+x@acme.test",
    };
    expect(evidenceText(en.t, variant)).toBe(
      "marie@acme.test and marie+x@acme.test are the same address written differently",
    );
    expect(evidenceText(fr.t, variant)).toBe(
      "marie@acme.test et marie+x@acme.test sont la même adresse écrite autrement",
    );
    expect(evidenceText(en.t, { kind: "same_phone", phone: "+33612345678" })).toBe(
      "Same phone number: +33612345678",
    );
  });

  it("counts what a merge moves, one and many", () => {
    const moves = { conversations: 2, messages: 1, customer_identities: 0, orders: 1, events: 7 };
    expect(movesText(en.t, moves)).toBe(
      "This moves 2 conversations, 1 message, 0 addresses and numbers, 1 order and 7 timeline entries to this profile. You can undo it.",
    );
  });

  it("tells a merge and its undo on the timeline", () => {
    const entry = (type: string) =>
      ({
        id: "e1",
        type,
        created_at: "2025-03-10T10:00:00Z",
        actor: { kind: "user", id: "u1", name: "Priya Shah" },
        conversation_id: null,
        data: { merge_id: "m1", customer_name: "Marie Dupont", other_name: "M. Dupont" },
        before: null,
        after: null,
      }) as unknown as TimelineEntry;
    const say = (t: typeof en.t, type: string) =>
      timelineText(timelineLine(entry(type)), {
        t,
        locale: "en",
        actor: "Priya Shah",
        userName: () => null,
      });
    expect(say(en.t, "customer.merged").sentence).toBe(
      "Priya Shah merged the profile M. Dupont into Marie Dupont.",
    );
    expect(say(fr.t, "customer.merge_undone").sentence).toBe(
      "Priya Shah a annulé la fusion de M. Dupont avec Marie Dupont.",
    );
    expect(say(en.t, "customer.merged").category).toBe("profile");
  });
});
