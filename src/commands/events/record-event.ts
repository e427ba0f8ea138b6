// Writes one event of the append-only timeline, inside the caller's transaction.
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

/** Several events of one change in a single statement (the intake writes three or four). */
export async function recordEvents(tx: Tx, list: EventInput[]): Promise<void> {
  if (list.length === 0) return;
  await insertRows(tx, events, list.map(row));
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
