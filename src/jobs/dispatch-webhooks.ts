// Hands the desk's public events to the webhooks that want them, a moment after they committed and
// outside the intake's transaction: every few hundred milliseconds one node (an advisory lock) reads
// each workspace's new events from the feed (realtime/feed.ts) and queues one delivery per
// (webhook, event) with its job. Like the realtime hub, each read goes back an overlap window
// before the newest event handed out, so that an event committed late is not skipped; what the
// window shows twice is dropped here by a recent-id set, and in any case by the deliveries' unique
// key: each event reaches each webhook once.
import { and, eq, sql } from "drizzle-orm";
import { queueDeliveries } from "../commands/webhooks/queue-deliveries.ts";
import { payloadOf } from "../domain/webhooks/signed-delivery.ts";
import { timeOfId } from "../realtime/event-ids.ts";
import { type EventRow, presentEvents, readEventRows } from "../realtime/feed.ts";
import { type RecentIds, recentIds } from "../realtime/recent-ids.ts";
import type { Runtime } from "../runtime.ts";
import type { Tx } from "../store/database.ts";
import type { Webhook } from "../store/queries/webhooks.ts";
import { acrossWorkspaces, inWorkspace } from "../store/queries/workspace-scope.ts";
import { webhookCursors, webhooks } from "../store/schema/index.ts";
import { type Repeating, startRepeating } from "./repeat.ts";

/** The lock only one node's dispatcher holds at a time (with the transaction of its pass). */
const dispatchLock = 7243571;

export type DispatchOptions = { overlapMs: number; batch: number };
export const dispatchDefaults: DispatchOptions = { overlapMs: 10_000, batch: 500 };

/** The webhooks of a workspace that an event reaches: subscribed to its type, its brand, since. */
function receiversOf(
  subscribed: Webhook[],
  event: { event: string; brandId: string | null; createdAt: Date },
) {
  return subscribed.filter(
    (w) =>
      w.events.includes(event.event) &&
      (w.brandId === null || w.brandId === event.brandId) &&
      event.createdAt >= w.receivingSince,
  );
}

/** One workspace's share of a pass; answers how many deliveries it queued. */
async function dispatchWorkspace(
  rt: Runtime,
  tx: Tx,
  workspaceId: string,
  seen: RecentIds,
  options: DispatchOptions,
): Promise<{ queued: number; handed: string[] }> {
  const subscribed = await tx
    .select()
    .from(webhooks)
    .where(inWorkspace(webhooks, workspaceId, eq(webhooks.enabled, true)));
  // Disabled between the two reads: nothing to serve in this workspace this time.
  if (subscribed.length === 0) return { queued: 0, handed: [] };
  const [cursor] = await tx
    .select()
    .from(webhookCursors)
    .where(inWorkspace(webhookCursors, workspaceId));
  const now = rt.now().getTime();
  const earliest = Math.min(...subscribed.map((w) => w.receivingSince.getTime()));
  const newest = cursor ? Math.min(timeOfId(cursor.lastEventId).getTime(), now) : earliest;
  // Never before the first webhook wanted anything: a cursor left behind while none was enabled.
  const since = new Date(Math.max(newest - options.overlapMs, earliest));
  let queued = 0;
  const handed: string[] = [];
  let last: EventRow | undefined;
  for (;;) {
    // The feed is read through the pool (it reads what committed, several statements at once);
    // what the pass writes goes through the transaction that holds the lock.
    const rows = await readEventRows(
      rt.db,
      workspaceId,
      last ? { after: last.id, limit: options.batch } : { since, limit: options.batch },
    );
    const fresh = rows.filter((r) => !seen.has(r.id) && r.id !== last?.id);
    const told = await presentEvents(rt.db, workspaceId, fresh);
    const deliveries = told.flatMap((event) =>
      receiversOf(subscribed, event).map((w) => {
        const id = rt.newId();
        return {
          workspaceId,
          id,
          webhookId: w.id,
          eventId: event.id,
          eventType: event.event,
          payload: payloadOf(event.event, event.createdAt, event.data),
          createdAt: new Date(now),
        };
      }),
    );
    queued += await queueDeliveries(tx, rt.queue, deliveries);
    handed.push(...fresh.map((r) => r.id));
    last = rows.at(-1) ?? last;
    if (rows.length < options.batch) break;
  }
  if (last && (!cursor || last.id > cursor.lastEventId)) {
    await tx
      .insert(webhookCursors)
      .values({ workspaceId, lastEventId: last.id, updatedAt: new Date(now) })
      .onConflictDoUpdate({
        target: webhookCursors.workspaceId,
        set: { lastEventId: last.id, updatedAt: new Date(now) },
      });
  }
  return { queued, handed };
}

/**
 * One pass over the workspaces that have an enabled webhook; answers how many deliveries it queued,
 * or null when another node holds the dispatch.
 */
export async function dispatchWebhooks(
  rt: Runtime,
  seen: RecentIds,
  options: DispatchOptions = dispatchDefaults,
): Promise<number | null> {
  const handed: string[] = [];
  const queued = await rt.db.transaction(async (tx) => {
    const lock = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(${dispatchLock}) as ok`,
    );
    if (!lock.rows[0]?.ok) return null;
    const serving = await tx
      .selectDistinct({ workspaceId: webhooks.workspaceId })
      .from(webhooks)
      .where(and(eq(webhooks.enabled, true), acrossWorkspaces("the workspaces to dispatch to")));
    let total = 0;
    for (const { workspaceId } of serving) {
      const share = await dispatchWorkspace(rt, tx, workspaceId, seen, options);
      total += share.queued;
      handed.push(...share.handed);
    }
    return total;
  });
  // Only what committed counts as handed out; a failed pass is read again whole.
  const at = rt.now().getTime();
  for (const id of handed) seen.add(id, at);
  return queued;
}

export type WebhookDispatcher = Repeating;

/**
 * Dispatches every `intervalMs`, at once again while a pass queued something. A failed pass loses
 * nothing: the next one reads the same events again, and sends none twice.
 */
export function startWebhookDispatcher(
  rt: Runtime,
  options: DispatchOptions & { intervalMs: number } = { ...dispatchDefaults, intervalMs: 250 },
): WebhookDispatcher {
  const seen = recentIds(options.overlapMs * 2, 100_000, () => rt.now().getTime());
  return startRepeating(
    rt,
    "dispatching events to webhooks",
    options.intervalMs,
    async () => ((await dispatchWebhooks(rt, seen, options)) ?? 0) > 0,
  );
}
