// Writes the events of the append-only timeline inside the caller's transaction, and tells the
// realtime hubs of every node that the workspace has new ones once that transaction commits.
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Tx } from "../../store/database.ts";
import { insertRows } from "../../store/insert-rows.ts";
import type { ActorKind } from "../../store/schema/event.ts";
import { events } from "../../store/schema/index.ts";

export type Actor = { kind: ActorKind; id: string | null; name: string };

export const systemActor: Actor = { kind: "system", id: null, name: "Rapport" };

export type EventInput = {
  workspaceId: string;
  type: string;
  actor: Actor;
  conversationId?: string | null;
  customerId?: string | null;
  before?: unknown;
  after?: unknown;
  data?: unknown;
  at: Date;
  id: string;
};

export async function recordEvent(tx: Tx, e: EventInput): Promise<void> {
  await recordEvents(tx, [e]);
}

/** The channel on which a committed transaction names the workspace whose events it wrote. */
export const eventsChannel = "rapport_events";

/** The workspaces each open transaction has announced already: one NOTIFY per pair is enough. */
const announced = new WeakMap<Tx, Set<string>>();

/** Several events of one change in a single statement (the intake writes three or four). */
export async function recordEvents(tx: Tx, list: EventInput[]): Promise<void> {
  if (list.length === 0) return;
  await insertRows(tx, events, list.map(row));
  await announce(tx, list);
}

/**
 * NOTIFY is delivered by PostgreSQL only when the transaction commits (never for a rollback), so
 * a hub that hears it reads events that are there. Listeners read the events themselves: the
 * payload is only the workspace's id.
 */
async function announce(tx: Tx, list: EventInput[]): Promise<void> {
  // Outside a transaction each statement commits on its own, and each is announced.
  const done = announced.get(tx) ?? new Set<string>();
  if (tx instanceof PgTransaction) announced.set(tx, done);
  const fresh = [...new Set(list.map((e) => e.workspaceId))].filter((w) => !done.has(w));
  if (fresh.length === 0) return;
  for (const w of fresh) done.add(w);
  await tx.execute(
    sql`select pg_notify(${eventsChannel}, w)
      from json_array_elements_text(${JSON.stringify(fresh)}::json) as w`,
  );
}

function row(e: EventInput): typeof events.$inferInsert {
  return {
    workspaceId: e.workspaceId,
    id: e.id,
    type: e.type,
    actorKind: e.actor.kind,
    actorId: e.actor.id,
    conversationId: e.conversationId ?? null,
    customerId: e.customerId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    data: { actor_name: e.actor.name, ...((e.data as object | undefined) ?? {}) },
    createdAt: e.at,
  };
}
