// What creating and changing a webhook share: who may (admins), the events it names, its brand, and
// the fields its events record (never the secret).
import { mayChangeSettings } from "../../domain/access/policies.ts";
import { webhookEventTypes } from "../../domain/webhooks/webhook-events.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import type { Webhook } from "../../store/queries/webhooks.ts";
import type { Principal } from "../access/principal.ts";
import { referencedBrand } from "../settings/guards.ts";

export type { Webhook };

export type WebhookFields = {
  url: string;
  events: string[];
  description: string;
  brandId: string | null;
  enabled: boolean;
};

/** What the events of a webhook's changes show: everything but the secret and the delivery state. */
export const webhookFields = [
  "url",
  "events",
  "description",
  "brandId",
  "enabled",
  "disabledReason",
] as const satisfies ReadonlyArray<keyof Webhook>;

export function requireWebhookRole(p: Principal): void {
  if (!mayChangeSettings(p)) {
    throw new DeskError("forbidden", `webhooks need the admin role; you act as ${p.role}`);
  }
}

const known = new Set<string>(webhookEventTypes);

/** The events, each known, once each, in the catalogue's order. */
export function checkEvents(events: readonly string[]): string[] {
  const unknown = events.findIndex((e) => !known.has(e));
  if (unknown >= 0) {
    const message = `"${events[unknown]}" is not an event a webhook can receive (${webhookEventTypes.join(", ")})`;
    throw new DeskError("invalid_input", `body /events/${unknown}: ${message}`, {
      errors: [{ where: "body", path: `/events/${unknown}`, code: "invalid_choice", message }],
    });
  }
  return webhookEventTypes.filter((e) => events.includes(e));
}

export async function checkBrand(tx: Tx, workspaceId: string, brandId: string | null) {
  if (brandId) await referencedBrand(tx, workspaceId, brandId, "brand_id");
}
