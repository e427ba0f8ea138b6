// Queues deliveries: one row per (webhook, event) — the unique key drops an event already queued
// for that webhook, whoever queued it — and one delivery job per row actually written, in the
// caller's transaction.
import { sql } from "drizzle-orm";
import type { Queue } from "../../jobs/queue.ts";
import type { Tx } from "../../store/database.ts";
import { insertRows } from "../../store/insert-rows.ts";
import { webhookDeliveries } from "../../store/schema/index.ts";

export type NewDelivery = typeof webhookDeliveries.$inferInsert & { id: string };

/** Writes the deliveries not yet written and sends their jobs; answers how many were new. */
export async function queueDeliveries(tx: Tx, queue: Queue, rows: NewDelivery[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = new Set(
    await insertRows(tx, webhookDeliveries, rows, {
      onConflict: sql`(workspace_id, webhook_id, event_id) do nothing`,
    }),
  );
  await queue.sendMany(
    tx,
    "deliver-webhook",
    rows
      .filter((r) => written.has(r.id))
      .map((r) => ({ workspaceId: r.workspaceId, deliveryId: r.id })),
  );
  return written.size;
}
