// The event types a webhook may subscribe to: the public events (CONTRACT §8), and the ping an
// admin sends to try an endpoint.
import { type PublicEventType, publicEventTypes } from "../events/public-events.ts";

export const webhookEventTypes = publicEventTypes;
export type WebhookEventType = PublicEventType;

/** The type of the test delivery (`POST /api/v1/webhooks/{id}/test`); never an event of the desk. */
export const pingType = "webhook.test";
