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

  it("still says something readable for a type it does not know", () => {
    expect(say("en", entry("merge.undone")).sentence).toBe("Merge undone, by Priya Shah.");
    expect(say("fr", entry("merge.undone")).category).toBe("other");
  });
});
