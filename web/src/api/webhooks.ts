// A webhook's own actions beyond the settings list: its delivery log, a ping, a new secret.
import { api } from "./client.ts";
import type { WebhookSetting } from "./settings.ts";
import type { Page } from "./types.ts";

/** One attempt of a delivery, as the log shows it. */
export type WebhookAttempt = {
  id: string;
  delivery_id: string;
  event_id: string;
  event: string;
  attempt: number;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  next_attempt_at: string | null;
  delivery_status: "pending" | "delivered" | "failed" | "abandoned";
  created_at: string;
};

export function listWebhookAttempts(id: string, signal?: AbortSignal) {
  return api<Page<WebhookAttempt>>("GET", `/api/v1/webhooks/${id}/deliveries?limit=50`, {
    signal,
  });
}

export function testWebhook(id: string) {
  return api<{ delivery_id: string }>("POST", `/api/v1/webhooks/${id}/test`);
}

export function rotateWebhookSecret(id: string) {
  return api<WebhookSetting & { secret: string }>("POST", `/api/v1/webhooks/${id}/rotate-secret`);
}
