// Replaces a webhook's signing secret (admins): the new one is answered once; deliveries signed
// from the commit on use it.
import { and, eq } from "drizzle-orm";
import { webhooks } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { newSecret } from "./create-webhook.ts";
import { lockedWebhook } from "./update-webhook.ts";
import { requireWebhookRole, type Webhook } from "./webhook-checks.ts";

export async function rotateWebhookSecret(
  uow: UnitOfWork,
  p: Principal,
  { id }: { id: string },
): Promise<{ webhook: Webhook; secret: string }> {
  requireWebhookRole(p);
  await lockedWebhook(uow, p, id);
  const { secret, sealed } = newSecret(uow, id);
  const [webhook] = await uow.tx
    .update(webhooks)
    .set({ secretSealed: sealed, updatedAt: uow.now })
    .where(and(eq(webhooks.workspaceId, p.workspaceId), eq(webhooks.id, id)))
    .returning();
  if (!webhook) throw new Error("the webhook vanished");
  await uow.record({ type: "webhook.secret_rotated", data: { webhook_id: id, url: webhook.url } });
  return { webhook, secret };
}
