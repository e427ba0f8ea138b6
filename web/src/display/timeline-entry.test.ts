import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../api/types.ts";
import { fieldChanges, groupTimeline, timelineLine } from "./timeline-entry.ts";

/** An entry as a server may send it: data with only some fields, or a type newer than the console. */
function entry(type: string, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: "e1",
    type,
    created_at: "2025-03-10T10:00:00Z",
    actor: { kind: "system", id: null, name: "Rapport" },
    conversation_id: "c1",
    data: {},
    before: null,
    after: null,
    ...extra,
  } as TimelineEntry;
}

describe("timelineLine", () => {
  it("reads a customer's message with its channel and spam verdict", () => {
    const line = timelineLine(
      entry("message.received", { data: { channel: "email", spam: true, message_id: "m1" } }),
    );
    expect(line).toEqual({
      fact: { kind: "message_received", channel: "email", spam: true },
      changes: [],
      message: null,
    });
  });

  it("carries the message an entry is about: its author, direction and first words", () => {
    const message = {
      id: "m1",
      direction: "inbound" as const,
      channel: "email" as const,
      author: { kind: "customer" as const, name: "Marie" },
      automated: false,
      subject: "Broken lamp",
      excerpt: "The lamp arrived broken.",
    };
    expect(timelineLine(entry("message.received", { message })).message).toEqual(message);
  });

  it("lists the fields a conversation update changed, and only those", () => {
    const line = timelineLine(
      entry("conversation.updated", {
        before: { status: "open", priority: "normal", teamId: "t1" },
        after: { status: "resolved", priority: "normal", teamId: "t1" },
      }),
    );
    expect(line.fact).toEqual({ kind: "conversation_updated" });
    expect(line.changes).toEqual([{ field: "status", from: "open", to: "resolved" }]);
  });

  it("keeps the status change a reply made", () => {
    const line = timelineLine(
      entry("reply.written", { before: { status: "new" }, after: { status: "waiting_customer" } }),
    );
    expect(line.changes).toEqual([{ field: "status", from: "new", to: "waiting_customer" }]);
  });

  it("tells a reopening by the customer's message from other status changes", () => {
    expect(
      timelineLine(entry("conversation.status_changed", { data: { reason: "customer_message" } }))
        .fact,
    ).toEqual({ kind: "status_changed", byCustomerMessage: true });
  });

  it("reads why an acknowledgement was withheld and which warning was raised", () => {
    expect(
      timelineLine(entry("acknowledgement.withheld", { data: { reason: "spam" } })).fact,
    ).toEqual({ kind: "acknowledgement_withheld", reason: "spam" });
    expect(timelineLine(entry("sla.warning", { data: { kind: "warn_manager" } })).fact).toEqual({
      kind: "sla_warning",
      alert: "warn_manager",
      recipient: null,
    });
    const named = entry("sla.warning", {
      data: { kind: "warn_manager", recipient_name: "Max Manager" },
    });
    expect(timelineLine(named).fact).toMatchObject({ recipient: "Max Manager" });
  });

  it("reads a logged call, and whether it answered the customer", () => {
    const line = timelineLine(
      entry("interaction.logged", {
        data: { channel: "phone", direction: "outbound", answering: true },
      }),
    );
    expect(line.fact).toEqual({
      kind: "interaction_logged",
      channel: "phone",
      direction: "outbound",
      answering: true,
      occurredAt: null,
      durationMinutes: null,
    });
  });

  it("reads how long a call lasted, and when it took place only when logged well after", () => {
    const late = timelineLine(
      entry("interaction.logged", {
        created_at: "2025-03-10T10:00:00Z",
        data: { channel: "visit", occurred_at: "2025-03-10T08:30:00Z", duration_minutes: 45 },
      }),
    );
    expect(late.fact).toMatchObject({ occurredAt: "2025-03-10T08:30:00Z", durationMinutes: 45 });
    const atOnce = timelineLine(
      entry("interaction.logged", {
        created_at: "2025-03-10T10:00:00Z",
        data: { channel: "phone", occurred_at: "2025-03-10T09:58:00Z", duration_minutes: "5" },
      }),
    );
    expect(atOnce.fact).toMatchObject({ occurredAt: null, durationMinutes: null });
  });

  it("keeps a type it does not know, for a generic line", () => {
    expect(timelineLine(entry("merge.undone")).fact).toEqual({
      kind: "other",
      type: "merge.undone",
    });
  });

  it("survives data of the wrong shape", () => {
    const line = timelineLine(
      entry("message.delivery_failed", { data: { error: 42, automated: "yes" } }),
    );
    expect(line.fact).toEqual({ kind: "message_delivery_failed", automated: false, error: null });
  });
});

describe("fieldChanges", () => {
  it("counts a field present on one side only", () => {
    expect(fieldChanges({ assigneeId: null }, { assigneeId: "u1", teamId: "t1" })).toEqual([
      { field: "assigneeId", from: null, to: "u1" },
      { field: "teamId", from: null, to: "t1" },
    ]);
  });

  it("sees no change in a creation", () => {
    expect(fieldChanges(null, { name: "Derek" })).toEqual([]);
  });
});

describe("groupTimeline", () => {
  const conversation = (id: string) => ({
    id,
    reference: `REF${id}`,
    subject: `Subject ${id}`,
    channel: "email" as const,
    status: "open" as const,
  });
  const at = (id: string, c: string | null) =>
    entry("message.received", {
      id,
      conversation_id: c,
      conversation: c ? conversation(c) : null,
    });

  it("gathers a conversation's entries where its newest one is; others stand alone in place", () => {
    const groups = groupTimeline([
      at("e1", "a"),
      at("e2", "b"),
      at("e3", null),
      at("e4", "a"),
      at("e5", null),
      at("e6", "b"),
    ]);
    expect(groups.map((g) => [g.conversation?.id ?? null, g.entries.map((e) => e.id)])).toEqual([
      ["a", ["e1", "e4"]],
      ["b", ["e2", "e6"]],
      [null, ["e3"]],
      [null, ["e5"]],
    ]);
    expect(groups[0]?.conversation?.subject).toBe("Subject a");
  });

  it("gives nothing for nothing", () => {
    expect(groupTimeline([])).toEqual([]);
  });
});

describe("routing on the timeline", () => {
  it("reads the routing reason, the escalation and the urgent words", () => {
    const at = { code: "backup", assignee_name: "Léa", advisor_name: "Paul" };
    expect(timelineLine(entry("conversation.routed", { data: at })).fact).toEqual({
      kind: "routed",
      reason: at,
    });
    expect(
      timelineLine(
        entry("conversation.escalated", {
          data: { reason: "customer_request", manager_name: "Marc", manager_id: "m" },
        }),
      ).fact,
    ).toEqual({ kind: "escalated", byCustomer: true, manager: "Marc" });
    expect(
      timelineLine(entry("conversation.priority_raised", { data: { words: ["urgent", 3] } })).fact,
    ).toEqual({ kind: "priority_raised", words: ["urgent"] });
    // An erased customer's event keeps no payload.
    expect(timelineLine(entry("conversation.routed", { data: {} })).fact).toEqual({
      kind: "routed",
      reason: null,
    });
  });
});
