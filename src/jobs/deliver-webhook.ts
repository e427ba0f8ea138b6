// One attempt of a webhook delivery: the URL checked again after DNS (and the connection pinned to
// the addresses checked), the body signed with this attempt's time, the answer written to the log;
// a failure schedules the next attempt as a new job (domain/webhooks/delivery-policy.ts), and an
// endpoint that has failed for days is disabled with its reason.
import { and, eq } from "drizzle-orm";
import { type PostOutcome, postWebhook } from "../channels/webhooks/post-webhook.ts";
import { systemActor } from "../commands/events/record-event.ts";
import { openUnit } from "../commands/unit-of-work.ts";
import { resolveTarget } from "../commands/webhooks/webhook-target.ts";
import { afterAttempt, nextAttemptAt } from "../domain/webhooks/delivery-policy.ts";
import { signDelivery, type WebhookPayload } from "../domain/webhooks/signed-delivery.ts";
import { pingType } from "../domain/webhooks/webhook-events.ts";
import { DeskError } from "../errors.ts";
import type { Runtime } from "../runtime.ts";
import { webhookAttempts, webhookDeliveries, webhooks } from "../store/schema/index.ts";
import { open } from "../store/sealed-box.ts";
import type { JobData } from "./job-data.ts";

export type Post = typeof postWebhook;

type Delivery = typeof webhookDeliveries.$inferSelect;
type Webhook = typeof webhooks.$inferSelect;

async function load(rt: Runtime, data: JobData["deliver-webhook"]) {
  const [row] = await rt.db
    .select({ delivery: webhookDeliveries, webhook: webhooks })
    .from(webhookDeliveries)
    .innerJoin(
      webhooks,
      and(
        eq(webhooks.workspaceId, webhookDeliveries.workspaceId),
        eq(webhooks.id, webhookDeliveries.webhookId),
      ),
    )
    .where(
      and(
        eq(webhookDeliveries.workspaceId, data.workspaceId),
        eq(webhookDeliveries.id, data.deliveryId),
      ),
    );
  return row ?? null;
}

/** Sends the attempt; what went wrong before the request (a refused address) is its outcome. */
async function attempt(rt: Runtime, delivery: Delivery, webhook: Webhook, post: Post, now: Date) {
  try {
    const target = await resolveTarget(rt.dns, webhook.url, rt.config.webhookAllowPrivate);
    const secret = open(rt.secret, "webhook-secret", webhook.id, webhook.secretSealed);
    const signed = signDelivery(secret, delivery.id, now, delivery.payload as WebhookPayload);
    return await post(target, signed);
  } catch (error) {
    if (!(error instanceof DeskError)) throw error;
    const refused: PostOutcome = {
      statusCode: null,
      durationMs: 0,
      error: (error.detail ?? error.message).replace(/^body \/url: /, ""),
    };
    return refused;
  }
}

/** Makes the delivery's next attempt; answers what the receiver said, or null when none was due. */
export async function deliverWebhook(
  rt: Runtime,
  data: JobData["deliver-webhook"],
  post: Post = postWebhook,
): Promise<PostOutcome | null> {
  const found = await load(rt, data);
  if (found?.delivery.status !== "pending") return null;
  const { delivery, webhook } = found;
  const now = rt.now();
  const ws = data.workspaceId;
  const thisDelivery = and(
    eq(webhookDeliveries.workspaceId, ws),
    eq(webhookDeliveries.id, delivery.id),
  );
  if (!webhook.enabled && delivery.eventType !== pingType) {
    await rt.db
      .update(webhookDeliveries)
      .set({ status: "abandoned", nextAttemptAt: null, finishedAt: now, payload: {} })
      .where(and(thisDelivery, eq(webhookDeliveries.status, "pending")));
    return null;
  }
  const outcome = await attempt(rt, delivery, webhook, post, now);
  const succeeded = outcome.error === null;
  const number = delivery.attempts + 1;
  const health = afterAttempt(webhook, succeeded, now);
  const disable = health.disable && webhook.enabled;
  const next = succeeded || disable ? null : nextAttemptAt(number, now);
  await rt.db.transaction(async (tx) => {
    // Another node made this attempt meanwhile (a job taken twice): keep its record alone.
    const [current] = await tx.select().from(webhookDeliveries).where(thisDelivery).for("update");
    if (!current || current.attempts !== delivery.attempts || current.status !== "pending") return;
    await tx.insert(webhookAttempts).values({
      workspaceId: ws,
      id: rt.newId(),
      webhookId: webhook.id,
      deliveryId: delivery.id,
      attempt: number,
      statusCode: outcome.statusCode,
      durationMs: outcome.durationMs,
      error: outcome.error,
      nextAttemptAt: next,
      createdAt: now,
    });
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: number,
        status: succeeded ? "delivered" : next ? "pending" : disable ? "abandoned" : "failed",
        nextAttemptAt: next,
        finishedAt: next ? null : now,
        // The body holds the customer's words and name: kept only while it may be sent again.
        ...(next ? {} : { payload: {} }),
      })
      .where(thisDelivery);
    const reason = `failed every attempt since ${health.failingSince?.toISOString()} (last: ${outcome.error})`;
    await tx
      .update(webhooks)
      .set({
        failingSince: health.failingSince,
        lastAttemptAt: now,
        lastStatusCode: outcome.statusCode,
        lastSucceeded: succeeded,
        ...(disable ? { enabled: false, disabledReason: reason, disabledAt: now } : {}),
      })
      .where(and(eq(webhooks.workspaceId, ws), eq(webhooks.id, webhook.id)));
    const uow = openUnit(rt, tx, { workspaceId: ws, actor: systemActor }, { now });
    if (disable) {
      await uow.record({
        type: "webhook.disabled",
        data: { webhook_id: webhook.id, url: webhook.url, reason },
      });
    }
    if (next) await uow.enqueue("deliver-webhook", data, { startAfter: next });
  });
  return outcome;
}
