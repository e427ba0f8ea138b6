import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../api/types.ts";
import { timelineLine } from "../../display/timeline-entry.ts";
import { resources } from "../../i18n/i18n.ts";
import { timelineText } from "./timeline-text.ts";

const en = i18next.createInstance();
const fr = i18next.createInstance();

beforeAll(async () => {
  const options = { resources, fallbackLng: false, interpolation: { escapeValue: false } } as const;
  await en.init({ ...options, lng: "en" });
  await fr.init({ ...options, lng: "fr" });
});

/** An entry as a server may send it: data with only some fields, or a type newer than the console. */
function entry(type: string, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: "e1",
    type,
    created_at: "2025-03-10T10:00:00Z",
    actor: { kind: "user", id: "u1", name: "Priya Shah" },
    conversation_id: "c1",
    data: {},
    before: null,
    after: null,
    ...extra,
  } as TimelineEntry;
}

function say(language: "en" | "fr", value: TimelineEntry) {
  const t = language === "en" ? en.t : fr.t;
  return timelineText(timelineLine(value), {
    t,
    locale: language,
    actor: value.actor.name,
    userName: (id) => (id === "u1" ? "Priya Shah" : null),
  });
}

describe("timelineText", () => {
  it("words a transfer, whom it was asked of and why, in both languages", () => {
    const asked = entry("conversation.transfer_requested", {
      data: {
        transfer_id: "x1",
        from_id: "u1",
        to_id: "u2",
        to_name: "Léa Roy",
        reason: "Contract",
      },
      before: { assigneeId: "u1", transferToId: null },
      after: { assigneeId: "u1", transferToId: "u1" },
    });
    expect(say("en", asked).sentence).toBe(
      "Priya Shah asked Léa Roy to take the conversation: “Contract”",
    );
    expect(say("fr", asked).sentence).toBe(
      "Priya Shah a demandé à Léa Roy de prendre la conversation : « Contract »",
    );
    expect(say("en", asked).changes).toEqual(["Transfer asked of: none → Priya Shah"]);
    const declined = entry("conversation.transfer_declined", {
      data: { transfer_id: "x1", to_id: "u1", reason: "Not mine" },
    });
    expect(say("en", declined)).toMatchObject({
      category: "conversation",
      sentence: "Priya Shah declined the transfer: “Not mine”",
    });
  });

  it("words a customer's rating, with their comment, in both languages", () => {
    const rated = entry("conversation.rated", {
      actor: { kind: "customer", id: "k1", name: "Marie Curie" },
      data: { score: 4, comment: "Quick", via: "portal" },
      after: { csat: { score: 4, comment: "Quick", at: "2025-03-10T10:00:00Z" } },
    });
    expect(say("en", rated)).toMatchObject({
      category: "conversation",
      sentence: "Marie Curie rated the conversation 4/5: “Quick”",
    });
    expect(say("fr", rated).sentence).toBe("Marie Curie a noté la conversation 4/5 : « Quick »");
    expect(say("en", rated).changes).toEqual([]);
  });

  it("says who changed what in a conversation, in both languages", () => {
    const update = entry("conversation.updated", {
      before: { status: "open", assigneeId: null, teamId: null },
      after: { status: "resolved", assigneeId: "u1", teamId: "t1" },
    });
    expect(say("en", update)).toEqual({
      category: "conversation",
      tone: "normal",
      sentence: "Priya Shah changed the conversation.",
      changes: ["Status: Open → Resolved", "Assigned advisor: none → Priya Shah", "Team changed"],
      direction: null,
      excerpt: null,
    });
    expect(say("fr", update).changes).toEqual([
      "Statut : Ouverte → Résolue",
      "Conseiller assigné : aucun → Priya Shah",
      "Équipe : modifié",
    ]);
  });

  it("says why no acknowledgement went out", () => {
    const withheld = entry("acknowledgement.withheld", { data: { reason: "rate_limited" } });
    expect(say("en", withheld).sentence).toBe(
      "No acknowledgement sent: too many acknowledgements to this sender within the hour.",
    );
    expect(say("fr", withheld).category).toBe("acknowledgement");
  });

  it("names the escalation of a warning and marks a broken promise as an alert", () => {
    expect(say("en", entry("sla.warning", { data: { kind: "warn_manager" } })).sentence).toBe(
      "Response due soon: escalated to the team’s manager.",
    );
    const named = entry("sla.warning", {
      data: { kind: "warn_manager", recipient_name: "Max Manager" },
    });
    expect(say("en", named).sentence).toBe(
      "Response due soon: escalated to Max Manager, the team’s manager.",
    );
    expect(say("fr", named).sentence).toBe(
      "Échéance proche : escaladée à Max Manager, responsable de l’équipe.",
    );
    expect(say("fr", entry("sla.breached")).tone).toBe("alert");
    expect(say("fr", entry("sla.breached")).sentence).toBe(
      "Promesse non tenue : pas de réponse dans le délai.",
    );
  });

  it("tells a call that answered the customer", () => {
    const call = entry("interaction.logged", {
      data: { channel: "phone", direction: "outbound", answering: true },
    });
    expect(say("en", call)).toMatchObject({
      category: "call",
      sentence: "Priya Shah logged a call to the customer. It counts as an answer.",
    });
  });

  it("says when a call took place and how long it lasted, numbers in the console's language", () => {
    const call = entry("interaction.logged", {
      created_at: "2025-03-10T16:00:00Z",
      data: {
        channel: "phone",
        direction: "inbound",
        answering: false,
        occurred_at: "2025-03-10T09:30:00Z",
        duration_minutes: 12,
      },
    });
    const en = say("en", call).sentence;
    expect(en).toMatch(
      /^Priya Shah logged a call from the customer\. It took place .+\. Lasted 12 minutes\.$/,
    );
    expect(en).toContain("Mar 10, 2025");
    const fr = say("fr", call).sentence;
    expect(fr).toMatch(
      /^Priya Shah a noté un appel du client\. Il a eu lieu le .+\. Durée : 12 minutes\.$/,
    );
    expect(fr).toContain("10 mars 2025");
  });

  it("shows who wrote a message, which way it went and its first words", () => {
    const message = (direction: "inbound" | "outbound", name: string) => ({
      id: "m1",
      direction,
      channel: "email" as const,
      author: { kind: direction === "inbound" ? ("customer" as const) : ("user" as const), name },
      automated: false,
      subject: "Broken lamp",
      excerpt: "The lamp arrived broken.",
    });
    const received = entry("message.received", {
      actor: { kind: "customer", id: "c1", name: "" },
      data: { message_id: "m1", channel: "email", spam: false },
      message: message("inbound", "Marie Dupont"),
    });
    expect(say("en", received)).toMatchObject({
      sentence: "Marie Dupont wrote via email.",
      direction: { kind: "inbound", label: "Received" },
      excerpt: "The lamp arrived broken.",
    });
    const reply = entry("reply.written", {
      data: { message_id: "m2" },
      message: message("outbound", "Priya Shah"),
    });
    expect(say("fr", reply)).toMatchObject({
      sentence: "Priya Shah a répondu par e-mail.",
      direction: { kind: "outbound", label: "Envoyé" },
    });
    // Erased, the message is gone: the line says what happened, with no words of it.
    expect(say("en", entry("reply.written", { message: null }))).toMatchObject({
      sentence: "Priya Shah replied.",
      excerpt: null,
      direction: null,
    });
  });

  it("words changed addresses and important dates, with known kinds translated", () => {
    const change = entry("customer.updated", {
      conversation_id: null,
      before: { emails: ["a@b.test"], importantDates: [] },
      after: {
        emails: ["a@b.test", "c@d.test"],
        importantDates: [{ kind: "birthday", date: "1990-04-12" }],
      },
    });
    expect(say("en", change).changes).toEqual([
      "Email addresses: a@b.test → a@b.test and c@d.test",
      "Important dates: none → Birthday · Apr 12, 1990",
    ]);
    expect(say("fr", change).changes[1]).toBe(
      "Dates importantes : aucun → Anniversaire · 12 avr. 1990",
    );
  });

  it("says the preferences and tags added or removed in words, in either language", () => {
    const change = entry("customer.updated", {
      conversation_id: null,
      data: {
        fields: ["preferences", "tags"],
        preferences: { added: [{ kind: "diet", text: "allergic to nuts" }], removed: [] },
        tags: { added: [], removed: ["vip", "b2b"] },
      },
      before: { preferences: [], tags: ["vip", "b2b"] },
      after: { preferences: [{ kind: "diet", text: "allergic to nuts" }], tags: [] },
    });
    expect(say("en", change)).toMatchObject({
      sentence:
        "Priya Shah added a preference: Diet — allergic to nuts. Priya Shah removed the tags vip and b2b.",
      changes: [],
    });
    expect(say("fr", change).sentence).toBe(
      "Priya Shah a ajouté une préférence : Alimentation — allergic to nuts. Priya Shah a retiré les étiquettes vip et b2b.",
    );
  });

  it("still says something readable for a type it does not know", () => {
    expect(say("en", entry("merge.undone")).sentence).toBe("Merge undone, by Priya Shah.");
    expect(say("fr", entry("merge.undone")).category).toBe("other");
  });
});

describe("orders on the timeline", () => {
  const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
  const data = {
    order_id: "o1",
    external_id: "SHOP-1042",
    ordered_at: "2026-11-02T10:30:00.000Z",
    amount_minor: 12999,
    currency: "EUR",
    status: "paid",
  };

  it("says an order was recorded with its amount in its currency and its status", () => {
    const recorded = entry("order.recorded", { conversation_id: null, data });
    expect(say("en", recorded)).toMatchObject({
      category: "order",
      sentence: "Order SHOP-1042 recorded: €129.99, Paid.",
    });
    expect(nbsp(say("fr", recorded).sentence)).toBe(
      "Commande SHOP-1042 enregistrée : 129,99 €, Payée.",
    );
  });

  it("names a change of status in words", () => {
    const updated = entry("order.updated", {
      conversation_id: null,
      data: { ...data, status: "refunded", fields: ["status"] },
      before: { status: "paid" },
      after: { status: "refunded" },
    });
    expect(say("en", updated)).toMatchObject({
      sentence: "Order SHOP-1042 changed by Priya Shah: €129.99, Refunded.",
      changes: ["Status: Paid → Refunded"],
    });
    expect(say("fr", updated).changes).toEqual(["Statut : Payée → Remboursée"]);
  });
});
