// The event types a webhook may subscribe to: the public events (CONTRACT §8), and the ping an
// admin sends to try an endpoint.
export const webhookEventTypes = [
  "conversation.created",
  "conversation.updated",
  "conversation.resolved",
  "message.created",
  "customer.updated",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The type of the test delivery (`POST /api/v1/webhooks/{id}/test`); never an event of the desk. */
export const pingType = "webhook.test";
