// The feed of public events (CONTRACT §8 Realtime), read from the events table: what the stream, the
// webhooks and the chat widget tell. Each event carries the resource as the API presents it, read
// now (not as it was then), with a fixed number of statements whatever the batch's length.
import { and, asc, gte, inArray, type SQL } from "drizzle-orm";
import {
  type PublicEventType,
  publicIdOf,
  publicSourceTypes,
  publicTypesOf,
  resourceOf,
  rowIdOf,
} from "../domain/events/public-events.ts";
import { presentConversation, presentMessage } from "../http/schemas/conversation.ts";
import { presentCustomer } from "../http/schemas/customer.ts";
import type { Db } from "../store/database.ts";
import { conversationsByIds, messagesByIds } from "../store/queries/conversations.ts";
import { messageIdOf, profilesByIds } from "../store/queries/customers.ts";
import { inWorkspace } from "../store/queries/workspace-scope.ts";
import { events } from "../store/schema/index.ts";
import { firstIdAt } from "./event-ids.ts";

export type PublicEvent = {
  /** The stored event's id, suffixed (`…:resolved`) for the second public event of one row. */
  id: string;
  event: PublicEventType;
  workspaceId: string;
  conversationId: string | null;
  customerId: string | null;
  brandId: string | null;
  createdAt: Date;
  /**
   * The resource: a conversation (`presentConversation`), a message (`presentMessage` with
   * `conversation: { id, subject }`; its `direction` says `note` for an internal note, which a
   * customer-facing reader leaves out) or a customer (`presentCustomer`).
   */
  data: Record<string, unknown>;
};

/** A stored event as the feed reads it. */
export type EventRow = {
  id: string;
  type: string;
  conversationId: string | null;
  customerId: string | null;
  data: unknown;
  after: unknown;
  createdAt: Date;
};

export type FeedRange = {
  /** Only events after this one (a public id, suffix allowed: what a client last received). */
  after?: string;
  /** Only events whose id was made at or after this instant (UUIDv7 time). */
  since?: Date;
  /** At most this many stored events (each gives one or two public events). */
  limit: number;
};

/** The stored events that give public events, in id order. */
export async function readEventRows(
  db: Db,
  workspaceId: string,
  range: FeedRange,
): Promise<EventRow[]> {
  const bounds: SQL[] = [inArray(events.type, publicSourceTypes)];
  // The row of a suffixed cursor may still hold events after it: read from the row itself.
  if (range.after !== undefined) bounds.push(gte(events.id, rowIdOf(range.after)));
  if (range.since !== undefined) bounds.push(gte(events.id, firstIdAt(range.since)));
  return db
    .select({
      id: events.id,
      type: events.type,
      conversationId: events.conversationId,
      customerId: events.customerId,
      data: events.data,
      after: events.after,
      createdAt: events.createdAt,
    })
    .from(events)
    .where(inWorkspace(events, workspaceId, and(...bounds)))
    .orderBy(asc(events.id))
    .limit(range.limit);
}

/** The public events of some stored events, in their order; a resource gone since gives none. */
export async function presentEvents(
  db: Db,
  workspaceId: string,
  rows: readonly EventRow[],
): Promise<PublicEvent[]> {
  const told = rows.flatMap((row) =>
    publicTypesOf(row).map((event, index) => ({
      row,
      event,
      id: publicIdOf(row.id, event, index),
    })),
  );
  const conversationIds = new Set<string>();
  const messageIds = new Set<string>();
  const customerIds = new Set<string>();
  for (const { row, event } of told) {
    const kind = resourceOf(event);
    if (kind === "customer" && row.customerId) customerIds.add(row.customerId);
    if (kind !== "customer" && row.conversationId) conversationIds.add(row.conversationId);
    const messageId = kind === "message" ? messageIdOf(row) : null;
    if (messageId) messageIds.add(messageId);
  }
  const [threads, shown, profiles] = await Promise.all([
    conversationsByIds(db, workspaceId, [...conversationIds]),
    messagesByIds(db, workspaceId, [...messageIds]),
    profilesByIds(db, workspaceId, [...customerIds]),
  ]);
  const conversationOf = new Map(threads.map((t) => [t.conversation.id, t]));
  const messageOf = new Map(shown.map((m) => [m.id, m]));
  const customerOf = new Map(profiles.map((c) => [c.id, c]));
  return told.flatMap(({ row, event, id }): PublicEvent[] => {
    const thread = row.conversationId ? conversationOf.get(row.conversationId) : undefined;
    const base = {
      id,
      event,
      workspaceId,
      conversationId: row.conversationId,
      customerId: row.customerId,
      brandId: thread?.conversation.brandId ?? null,
      createdAt: row.createdAt,
    };
    const kind = resourceOf(event);
    if (kind === "customer") {
      const customer = row.customerId ? customerOf.get(row.customerId) : undefined;
      return customer ? [{ ...base, data: presentCustomer(customer) }] : [];
    }
    if (!thread) return [];
    if (kind === "conversation") {
      return [{ ...base, data: presentConversation(thread.conversation, thread.customerName) }];
    }
    const messageId = messageIdOf(row);
    const message = messageId ? messageOf.get(messageId) : undefined;
    if (!message) return [];
    const { id: conversationId, subject } = thread.conversation;
    return [
      {
        ...base,
        data: { ...presentMessage(message), conversation: { id: conversationId, subject } },
      },
    ];
  });
}

/** Drops what a cursor says was received: the rows before it, and its own row up to it. */
function pastCursor(list: PublicEvent[], after: string | undefined): PublicEvent[] {
  if (after === undefined) return list;
  const row = rowIdOf(after);
  const own = list.filter((e) => rowIdOf(e.id) === row);
  const received = own.findIndex((e) => e.id === after);
  // A cursor naming a public event its row no longer gives covers the whole row.
  const keep = new Set(received === -1 ? [] : own.slice(received + 1).map((e) => e.id));
  return list.filter((e) => rowIdOf(e.id) > row || keep.has(e.id));
}

/**
 * The public events of a workspace in id order: what a reconnecting stream missed (`after`), or
 * what happened recently (`since`). Four to six statements whatever `limit` is.
 */
export async function readPublicEvents(
  db: Db,
  workspaceId: string,
  range: FeedRange,
): Promise<PublicEvent[]> {
  const rows = await readEventRows(db, workspaceId, range);
  return pastCursor(await presentEvents(db, workspaceId, rows), range.after);
}
