// Subscribes a URL to events (admins): the URL checked after DNS, a new signing secret sealed with
// the row and answered once, here, to the one who created it.
import { secretOf } from "../../domain/webhooks/signed-delivery.ts";
import { webhooks } from "../../store/schema/index.ts";
import { seal } from "../../store/sealed-box.ts";
import type { Principal } from "../access/principal.ts";
import { snapshotOf } from "../settings/changes.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import {
  checkBrand,
  checkEvents,
  requireWebhookRole,
  type Webhook,
  type WebhookFields,
  webhookFields,
} from "./webhook-checks.ts";
import { resolveTarget } from "./webhook-target.ts";

export type NewWebhook = Pick<WebhookFields, "url" | "events"> &
  Partial<Pick<WebhookFields, "description" | "brandId">>;

/** The secret a webhook signs with: new random bytes, sealed to its row. */
export function newSecret(uow: UnitOfWork, webhookId: string) {
  const secret = secretOf(uow.randomBytes(32));
  return { secret, sealed: seal(uow.runtime.secret, "webhook-secret", webhookId, secret) };
}

export async function createWebhook(
  uow: UnitOfWork,
  p: Principal,
  input: NewWebhook,
): Promise<{ webhook: Webhook; secret: string }> {
  requireWebhookRole(p);
  const { tx, now, runtime } = uow;
  const events = checkEvents(input.events);
  const target = await resolveTarget(runtime.dns, input.url, runtime.config.webhookAllowPrivate);
  await checkBrand(tx, p.workspaceId, input.brandId ?? null);
  const id = uow.newId();
  const { secret, sealed } = newSecret(uow, id);
  const [webhook] = await tx
    .insert(webhooks)
    .values({
      workspaceId: p.workspaceId,
      id,
      url: target.url,
      events,
      description: input.description ?? "",
      brandId: input.brandId ?? null,
      secretSealed: sealed,
      receivingSince: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!webhook) throw new Error("insert returned no webhook");
  await uow.record({
    type: "webhook.created",
    data: { webhook_id: id, url: webhook.url },
    after: { id, ...snapshotOf(webhook, webhookFields) },
  });
  return { webhook, secret };
}
