// The API's view of webhooks (CONTRACT §8): what is written, what is read — never the secret,
// except in the answer that creates it or rotates it — and each attempt of the delivery log.
import { z } from "zod";
import { webhookEventTypes } from "../../domain/webhooks/webhook-events.ts";
import { maxWebhookUrlLength } from "../../domain/webhooks/webhook-url.ts";
import type { Webhook, WebhookAttempt } from "../../store/queries/webhooks.ts";

const iso = z.string().describe("ISO-8601 UTC");

const webhookInput = {
  url: z
    .string()
    .trim()
    .min(1)
    .max(maxWebhookUrlLength)
    .describe(
      "http(s) URL; its host must resolve to public addresses only, unless " +
        "RAPPORT_WEBHOOK_ALLOW_PRIVATE=1",
    ),
  events: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length),
  description: z.string().trim().max(500),
  brand_id: z.uuid().nullable().describe("only this brand's events; null: every brand's"),
};

export const newWebhookBody = z.strictObject({
  url: webhookInput.url,
  events: webhookInput.events,
  description: webhookInput.description.optional(),
  brand_id: webhookInput.brand_id.optional(),
});

export const webhookPatchBody = z
  .strictObject({
    url: webhookInput.url.optional(),
    events: webhookInput.events.optional(),
    description: webhookInput.description.optional(),
    brand_id: webhookInput.brand_id.optional(),
    enabled: z.boolean().optional().describe("true re-enables a webhook Rapport disabled"),
  })
  .refine((body) => Object.keys(body).length > 0, "nothing to change");

export const webhookView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string(),
  brand_id: z.string().nullable(),
  enabled: z.boolean(),
  disabled_reason: z.string().nullable(),
  disabled_at: iso.nullable(),
  failing_since: iso.nullable().describe("the first failed attempt since the last success"),
  last_attempt: z
    .object({ at: iso, status_code: z.number().nullable(), succeeded: z.boolean() })
    .nullable(),
  created_at: iso,
  updated_at: iso,
});

export const webhookWithSecretView = webhookView.extend({
  secret: z.string().describe("whsec_…: the signing secret, shown in this answer only"),
});

export function presentWebhook(w: Webhook): z.infer<typeof webhookView> {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    description: w.description,
    brand_id: w.brandId,
    enabled: w.enabled,
    disabled_reason: w.disabledReason,
    disabled_at: w.disabledAt?.toISOString() ?? null,
    failing_since: w.failingSince?.toISOString() ?? null,
    last_attempt: w.lastAttemptAt
      ? {
          at: w.lastAttemptAt.toISOString(),
          status_code: w.lastStatusCode,
          succeeded: w.lastSucceeded ?? false,
        }
      : null,
    created_at: w.createdAt.toISOString(),
    updated_at: w.updatedAt.toISOString(),
  };
}

/** The patch as the use case takes it: `undefined` keeps a field, `null` clears the brand. */
export function webhookFieldsOf(b: z.infer<typeof webhookPatchBody>) {
  return {
    url: b.url,
    events: b.events,
    description: b.description,
    brandId: b.brand_id,
    enabled: b.enabled,
  };
}

export const attemptView = z.object({
  id: z.string(),
  delivery_id: z.string().describe("the webhook-id header, the same on every attempt"),
  event_id: z.string(),
  event: z.string(),
  attempt: z.number(),
  status_code: z.number().nullable(),
  duration_ms: z.number(),
  error: z.string().nullable(),
  next_attempt_at: iso.nullable(),
  delivery_status: z.string(),
  created_at: iso,
});

export function presentAttempt(a: WebhookAttempt): z.infer<typeof attemptView> {
  return {
    id: a.id,
    delivery_id: a.deliveryId,
    event_id: a.eventId,
    event: a.eventType,
    attempt: a.attempt,
    status_code: a.statusCode,
    duration_ms: a.durationMs,
    error: a.error,
    next_attempt_at: a.nextAttemptAt?.toISOString() ?? null,
    delivery_status: a.deliveryStatus,
    created_at: a.createdAt.toISOString(),
  };
}
