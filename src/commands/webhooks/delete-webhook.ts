// Deletes a webhook (admins) with its delivery log; deliveries not yet made are dropped with it.
import { and, eq } from "drizzle-orm";
import { webhooks } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { snapshotOf } from "../settings/changes.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockedWebhook } from "./update-webhook.ts";
import { requireWebhookRole, webhookFields } from "./webhook-checks.ts";

export async function deleteWebhook(uow: UnitOfWork, p: Principal, { id }: { id: string }) {
  requireWebhookRole(p);
  const before = await lockedWebhook(uow, p, id);
  await uow.tx
    .delete(webhooks)
    .where(and(eq(webhooks.workspaceId, p.workspaceId), eq(webhooks.id, id)));
  await uow.record({
    type: "webhook.deleted",
    data: { webhook_id: id, url: before.url },
    before: { id, ...snapshotOf(before, webhookFields) },
  });
}
