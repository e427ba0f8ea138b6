// What one webhook attempt sends: the JSON body ({type, timestamp, data}) and its Standard Webhooks
// headers — `webhook-id` (the delivery's, the same on every retry, for the receiver to drop
// repeats), `webhook-timestamp` (this attempt's, in seconds) and `webhook-signature` (`v1,` and the
// base64 HMAC-SHA256 of `id.timestamp.body` under the subscription's secret).
import { Webhook } from "standardwebhooks";

export type WebhookPayload = { type: string; timestamp: string; data: unknown };

/** The secret as shown once to the subscriber: `whsec_` and base64 of 32 random bytes. */
export function secretOf(random: Uint8Array): string {
  return `whsec_${btoa(String.fromCharCode(...random))}`;
}

export function payloadOf(type: string, at: Date, data: unknown): WebhookPayload {
  return { type, timestamp: at.toISOString(), data };
}

export type SignedDelivery = { body: string; headers: Record<string, string> };

export function signDelivery(
  secret: string,
  deliveryId: string,
  at: Date,
  payload: WebhookPayload,
): SignedDelivery {
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "webhook-id": deliveryId,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(deliveryId, at, body),
    },
  };
}
