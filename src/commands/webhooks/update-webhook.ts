// Changes a webhook (admins): its URL (checked again after DNS), events, description, brand, and
// whether it is enabled — re-enabling one Rapport disabled clears the reason and the failing streak.
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { webhooks } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { changesBetween, presentFields } from "../settings/changes.ts";
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

/** The webhook, locked for a change; a 404 when the workspace has none of that id. */
export async function lockedWebhook(uow: UnitOfWork, p: Principal, id: string): Promise<Webhook> {
  const [row] = await uow.tx
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.workspaceId, p.workspaceId), eq(webhooks.id, id)))
    .for("update");
  if (!row) throw new DeskError("not_found", "no such webhook");
  return row;
}

export async function updateWebhook(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: Partial<WebhookFields> },
): Promise<Webhook> {
  requireWebhookRole(p);
  const { tx, now, runtime } = uow;
  const before = await lockedWebhook(uow, p, id);
  const next: Webhook = { ...before, ...presentFields(patch) };
  if (patch.events) next.events = checkEvents(patch.events);
  if (patch.url !== undefined && patch.url !== before.url) {
    const target = await resolveTarget(runtime.dns, patch.url, runtime.config.webhookAllowPrivate);
    next.url = target.url;
  }
  if (patch.brandId !== undefined && patch.brandId !== before.brandId) {
    await checkBrand(tx, p.workspaceId, patch.brandId);
  }
  if (patch.enabled === true && !before.enabled) {
    next.disabledReason = null;
    next.disabledAt = null;
    next.failingSince = null;
    // What happened while it was disabled is not sent now: it receives from here on.
    next.receivingSince = now;
  }
  if (patch.enabled === false && before.enabled) {
    next.disabledReason = "disabled by an admin";
    next.disabledAt = now;
  }
  const changes = changesBetween(before, next, webhookFields);
  if (!changes) return before;
  const [after] = await tx
    .update(webhooks)
    .set({
      url: next.url,
      events: next.events,
      description: next.description,
      brandId: next.brandId,
      enabled: next.enabled,
      disabledReason: next.disabledReason,
      disabledAt: next.disabledAt,
      failingSince: next.failingSince,
      receivingSince: next.receivingSince,
      updatedAt: now,
    })
    .where(and(eq(webhooks.workspaceId, p.workspaceId), eq(webhooks.id, id)))
    .returning();
  if (!after) throw new Error("the webhook vanished");
  await uow.record({
    type: "webhook.updated",
    data: { webhook_id: id, url: after.url },
    ...changes,
  });
  return after;
}
