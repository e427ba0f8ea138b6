// Reads a timeline entry (an event the server recorded) into what its line says: which thing
// happened, with the few facts worth showing, the message it is about and the fields it changed;
// and gathers a page of entries under their conversations. The wording is the component's; this
// only reads the loosely typed `data`, `before` and `after`.
import type {
  RoutingReason,
  TimelineConversation,
  TimelineEntry,
  TimelineMessage,
} from "../api/types.ts";
import { type ProfileListChanges, profileListChanges } from "./profile-lists.ts";

export type FieldChange = { field: string; from: unknown; to: unknown };

export type TimelineFact =
  | { kind: "message_received"; channel: string | null; spam: boolean }
  | { kind: "reply_written" }
  | { kind: "note_added" }
  | {
      kind: "conversation_created";
      reference: string | null;
      channel: string | null;
      linked: boolean;
    }
  | { kind: "status_changed"; byCustomerMessage: boolean }
  | { kind: "conversation_updated" }
  | { kind: "rated"; score: number | null; comment: string | null }
  | { kind: "acknowledgement_queued"; language: string | null }
  | { kind: "acknowledgement_withheld"; reason: string | null }
  | { kind: "message_delivered"; automated: boolean }
  | { kind: "message_delivery_failed"; automated: boolean; error: string | null }
  | { kind: "sla_warning"; alert: string | null; recipient: string | null }
  | { kind: "sla_breached"; dueAt: string | null }
  | { kind: "customer_created" }
  | { kind: "customer_updated"; lists: ProfileListChanges | null }
  | {
      kind: "customer_merged" | "customer_merge_undone";
      mergeId: string | null;
      customerId: string | null;
      otherId: string | null;
      customerName: string | null;
      otherName: string | null;
    }
  | { kind: "customer_imported"; externalId: string | null }
  | {
      kind: "order_recorded" | "order_updated";
      externalId: string | null;
      amountMinor: number | null;
      currency: string | null;
      status: string | null;
    }
  | {
      kind: "interaction_logged";
      channel: string | null;
      direction: string | null;
      answering: boolean;
      /** When it took place, if the advisor said it was earlier than they logged it. */
      occurredAt: string | null;
      durationMinutes: number | null;
    }
  | {
      kind: "transfer";
      step: "requested" | "accepted" | "declined" | "cancelled";
      /** Whom it was asked of: their name as written then, else their id. */
      toName: string | null;
      toId: string | null;
      reason: string | null;
    }
  | { kind: "routed"; reason: RoutingReason | null }
  | { kind: "escalated"; byCustomer: boolean; manager: string | null }
  | { kind: "priority_raised"; words: string[] }
  | { kind: "other"; type: string };

export type TimelineLine = {
  fact: TimelineFact;
  changes: FieldChange[];
  /** The message the entry is about (its author, direction, first words), if any. */
  message: TimelineMessage | null;
};

/** Entries of one conversation, or a single entry about none (a profile change). */
export type TimelineGroup = {
  conversation: TimelineConversation | null;
  entries: TimelineEntry[];
};

/** A call logged this long after it took place says when it did. */
const lateLogMs = 10 * 60_000;

function text(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === "string" && value !== "" ? value : null;
}

function count(data: Record<string, unknown>, key: string): number | null {
  const value = data[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function flag(data: Record<string, unknown>, key: string): boolean {
  return data[key] === true;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * The fields whose value differs between `before` and `after`, in the order the server wrote them.
 * Without a `before` the event created something: its first values are not changes.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (before === null || before === undefined) return [];
  const from = record(before);
  const to = record(after);
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
    .map((field) => ({ field, from: from[field] ?? null, to: to[field] ?? null }));
}

const transferSteps = {
  "conversation.transfer_requested": "requested",
  "conversation.transfer_accepted": "accepted",
  "conversation.transfer_declined": "declined",
  "conversation.transfer_cancelled": "cancelled",
} as const;

function factOf(entry: TimelineEntry): TimelineFact {
  const data = record(entry.data);
  switch (entry.type) {
    case "message.received":
      return { kind: "message_received", channel: text(data, "channel"), spam: flag(data, "spam") };
    case "reply.written":
      return { kind: "reply_written" };
    case "note.added":
      return { kind: "note_added" };
    case "conversation.created":
      return {
        kind: "conversation_created",
        reference: text(data, "reference"),
        channel: text(data, "channel"),
        linked: text(data, "linked_conversation_id") !== null,
      };
    case "conversation.status_changed":
      return {
        kind: "status_changed",
        byCustomerMessage: text(data, "reason") === "customer_message",
      };
    case "conversation.updated":
      return { kind: "conversation_updated" };
    case "conversation.rated":
      return { kind: "rated", score: count(data, "score"), comment: text(data, "comment") };
    case "acknowledgement.queued":
      return { kind: "acknowledgement_queued", language: text(data, "language") };
    case "acknowledgement.withheld":
      return { kind: "acknowledgement_withheld", reason: text(data, "reason") };
    case "message.delivered":
      return { kind: "message_delivered", automated: flag(data, "automated") };
    case "message.delivery_failed":
      return {
        kind: "message_delivery_failed",
        automated: flag(data, "automated"),
        error: text(data, "error"),
      };
    case "sla.warning":
      return {
        kind: "sla_warning",
        alert: text(data, "kind"),
        recipient: text(data, "recipient_name"),
      };
    case "sla.breached":
      return { kind: "sla_breached", dueAt: text(data, "due_at") };
    case "customer.created":
      return { kind: "customer_created" };
    case "customer.updated":
      return { kind: "customer_updated", lists: profileListChanges(data) };
    case "customer.merged":
    case "customer.merge_undone":
      return {
        kind: entry.type === "customer.merged" ? "customer_merged" : "customer_merge_undone",
        mergeId: text(data, "merge_id"),
        customerId: text(data, "customer_id"),
        otherId: text(data, "other_id"),
        customerName: text(data, "customer_name"),
        otherName: text(data, "other_name"),
      };
    case "customer.imported":
      return { kind: "customer_imported", externalId: text(data, "external_id") };
    case "order.recorded":
    case "order.updated":
      return {
        kind: entry.type === "order.recorded" ? "order_recorded" : "order_updated",
        externalId: text(data, "external_id"),
        amountMinor: count(data, "amount_minor"),
        currency: text(data, "currency"),
        status: text(data, "status"),
      };
    case "interaction.logged": {
      const occurredAt = text(data, "occurred_at");
      const late =
        occurredAt !== null && Date.parse(entry.created_at) - Date.parse(occurredAt) > lateLogMs;
      return {
        kind: "interaction_logged",
        channel: text(data, "channel"),
        direction: text(data, "direction"),
        answering: flag(data, "answering"),
        occurredAt: late ? occurredAt : null,
        durationMinutes: count(data, "duration_minutes"),
      };
    }
    case "conversation.transfer_requested":
    case "conversation.transfer_accepted":
    case "conversation.transfer_declined":
    case "conversation.transfer_cancelled":
      return {
        kind: "transfer",
        step: transferSteps[entry.type],
        toName: text(data, "to_name"),
        toId: text(data, "to_id"),
        reason: text(data, "reason"),
      };
    case "conversation.routed":
      return {
        kind: "routed",
        reason: text(data, "code") ? (data as unknown as RoutingReason) : null,
      };
    case "conversation.escalated":
      return {
        kind: "escalated",
        byCustomer: text(data, "reason") === "customer_request",
        manager: text(data, "manager_name"),
      };
    case "conversation.priority_raised":
      return {
        kind: "priority_raised",
        words: Array.isArray(data.words)
          ? data.words.filter((w): w is string => typeof w === "string")
          : [],
      };
    default:
      return { kind: "other", type: entry.type };
  }
}

export function timelineLine(entry: TimelineEntry): TimelineLine {
  return {
    fact: factOf(entry),
    changes: fieldChanges(entry.before, entry.after),
    message: entry.message ?? null,
  };
}

/**
 * The entries under their conversations, newest first: a conversation's group stands where its
 * newest entry is and gathers all of its entries loaded so far (older pages join it); an entry
 * about no conversation stands alone where it is.
 */
export function groupTimeline(entries: readonly TimelineEntry[]): TimelineGroup[] {
  const groups: TimelineGroup[] = [];
  const byConversation = new Map<string, TimelineGroup>();
  for (const entry of entries) {
    const id = entry.conversation?.id ?? entry.conversation_id;
    const known = id ? byConversation.get(id) : undefined;
    if (known) {
      known.entries.push(entry);
      continue;
    }
    const group: TimelineGroup = { conversation: entry.conversation ?? null, entries: [entry] };
    groups.push(group);
    if (id) byConversation.set(id, group);
  }
  return groups;
}
