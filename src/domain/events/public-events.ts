// The events the outside world is told of (the stream, webhooks, the chat widget) and which of the
// catalogue's events give them: a stored event may give none, one or two public events.
import type { EventType } from "./catalogue.ts";

export const publicEventTypes = [
  "conversation.created",
  "conversation.updated",
  "conversation.resolved",
  "message.created",
  "customer.updated",
] as const;
export type PublicEventType = (typeof publicEventTypes)[number];

/** The catalogued types that give each public event; a type named nowhere here gives nothing. */
const sources: Record<Exclude<PublicEventType, "conversation.resolved">, EventType[]> = {
  "conversation.created": ["conversation.created"],
  "conversation.updated": [
    "conversation.updated",
    "conversation.status_changed",
    "conversation.marked_spam",
    "conversation.marked_not_spam",
    "conversation.marked_bulk",
    "conversation.marked_owed_answer",
    "conversation.snoozed",
    "conversation.unsnoozed",
    "conversation.transfer_requested",
    "conversation.transfer_accepted",
    "conversation.transfer_declined",
    "conversation.transfer_cancelled",
    "conversation.erased",
    "conversation.routed",
    "conversation.priority_raised",
    "conversation.escalated",
    // The watch's warnings change whom a conversation was escalated to, which its row shows.
    "sla.warning",
    "sla.breached",
  ],
  "message.created": [
    "message.received",
    "reply.written",
    "note.added",
    "interaction.logged",
    "acknowledgement.queued",
  ],
  "customer.updated": [
    "customer.updated",
    "customer.merged",
    "customer.merge_undone",
    "customer.erased",
  ],
};

const given = new Map<string, PublicEventType>(
  Object.entries(sources).flatMap(([type, list]) =>
    list.map((source) => [source, type as PublicEventType] as const),
  ),
);

/** The catalogue's types that give a public event: what a reader of the feed selects. */
export const publicSourceTypes = [...given.keys()] as EventType[];

const statusOf = (state: unknown): unknown =>
  typeof state === "object" && state !== null ? (state as { status?: unknown }).status : undefined;

/**
 * The public events a stored event gives, in the order they are told: a conversation whose status
 * became `resolved` is `conversation.updated` then `conversation.resolved`.
 */
export function publicTypesOf(row: {
  type: string;
  data: unknown;
  after?: unknown;
}): PublicEventType[] {
  const type = given.get(row.type);
  if (!type) return [];
  if (type === "conversation.updated" && statusOf(row.after) === "resolved") {
    return ["conversation.updated", "conversation.resolved"];
  }
  return [type];
}

/** The kind of resource a public event carries. */
export function resourceOf(type: PublicEventType): "conversation" | "message" | "customer" {
  if (type === "message.created") return "message";
  if (type === "customer.updated") return "customer";
  return "conversation";
}

/**
 * The public id of the `index`th public event a stored event gives: the stored event's id, then
 * with the type's last word as a suffix (`…:resolved`), so that ids stay unique and in order.
 */
export function publicIdOf(rowId: string, type: PublicEventType, index: number): string {
  return index === 0 ? rowId : `${rowId}:${type.slice(type.indexOf(".") + 1)}`;
}

/** The stored event's id in a public id (which may carry a suffix). */
export function rowIdOf(publicId: string): string {
  const colon = publicId.indexOf(":");
  return colon === -1 ? publicId : publicId.slice(0, colon);
}
