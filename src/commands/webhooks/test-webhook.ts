// Sends a webhook a ping (admins), even a disabled one: a `webhook.test` delivery signed like any
// other, to try an endpoint before re-enabling it. It shows in the delivery log.
import { payloadOf } from "../../domain/webhooks/signed-delivery.ts";
import { pingType } from "../../domain/webhooks/webhook-events.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { queueDeliveries } from "./queue-deliveries.ts";
import { lockedWebhook } from "./update-webhook.ts";
import { requireWebhookRole } from "./webhook-checks.ts";

export async function testWebhook(uow: UnitOfWork, p: Principal, { id }: { id: string }) {
  requireWebhookRole(p);
  const webhook = await lockedWebhook(uow, p, id);
  const deliveryId = uow.newId();
  await queueDeliveries(uow.tx, uow.runtime.queue, [
    {
      workspaceId: p.workspaceId,
      id: deliveryId,
      webhookId: webhook.id,
      eventId: deliveryId,
      eventType: pingType,
      payload: payloadOf(pingType, uow.now, { webhook_id: webhook.id, url: webhook.url }),
      createdAt: uow.now,
    },
  ]);
  return { deliveryId };
}
