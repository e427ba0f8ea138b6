// Reading webhooks: a workspace's subscriptions newest first, one by id, and one's delivery log
// (its attempts, newest first), each keyset-paged within the workspace.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../database.ts";
import { webhookAttempts, webhookDeliveries, webhooks } from "../schema/index.ts";
import { after, createdPosition, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

export type Webhook = typeof webhooks.$inferSelect;

export type Page = { workspaceId: string; after?: Position | undefined; limit: number };

const newest: Keyset = { at: webhooks.createdAt, id: webhooks.id };

export async function listWebhooks(db: Db, f: Page) {
  const rows = await db
    .select()
    .from(webhooks)
    .where(inWorkspace(webhooks, f.workspaceId, after(newest, f.after)))
    .orderBy(...orderOf(newest))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, createdPosition);
}

export async function getWebhook(db: Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhooks)
    .where(inWorkspace(webhooks, workspaceId, eq(webhooks.id, id)));
  return row ?? null;
}

const latest: Keyset = { at: webhookAttempts.createdAt, id: webhookAttempts.id };

export async function listWebhookAttempts(db: Db, f: Page & { webhookId: string }) {
  const rows = await db
    .select({
      id: webhookAttempts.id,
      deliveryId: webhookAttempts.deliveryId,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      deliveryStatus: webhookDeliveries.status,
      attempt: webhookAttempts.attempt,
      statusCode: webhookAttempts.statusCode,
      durationMs: webhookAttempts.durationMs,
      error: webhookAttempts.error,
      nextAttemptAt: webhookAttempts.nextAttemptAt,
      createdAt: webhookAttempts.createdAt,
    })
    .from(webhookAttempts)
    .innerJoin(
      webhookDeliveries,
      and(
        eq(webhookDeliveries.workspaceId, webhookAttempts.workspaceId),
        eq(webhookDeliveries.id, webhookAttempts.deliveryId),
      ),
    )
    .where(
      inWorkspace(
        webhookAttempts,
        f.workspaceId,
        eq(webhookAttempts.webhookId, f.webhookId),
        after(latest, f.after),
      ),
    )
    .orderBy(...orderOf(latest))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, createdPosition);
}

export type WebhookAttempt = Awaited<ReturnType<typeof listWebhookAttempts>>["rows"][number];
