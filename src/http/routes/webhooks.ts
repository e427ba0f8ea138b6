// /api/v1/webhooks (admins): subscriptions to the desk's events, their secret shown once (at
// creation and rotation), a ping, and each one's delivery log.
import { z } from "zod";
import { runCommand, runIdempotent } from "../../commands/run-command.ts";
import { createWebhook } from "../../commands/webhooks/create-webhook.ts";
import { deleteWebhook } from "../../commands/webhooks/delete-webhook.ts";
import { rotateWebhookSecret } from "../../commands/webhooks/rotate-webhook-secret.ts";
import { testWebhook } from "../../commands/webhooks/test-webhook.ts";
import { updateWebhook } from "../../commands/webhooks/update-webhook.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { getWebhook, listWebhookAttempts, listWebhooks } from "../../store/queries/webhooks.ts";
import { open } from "../../store/sealed-box.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { page, paging, problemView } from "../schemas/conversation.ts";
import { idempotencyHeader } from "../schemas/idempotency.ts";
import {
  attemptView,
  newWebhookBody,
  presentAttempt,
  presentWebhook,
  webhookFieldsOf,
  webhookPatchBody,
  webhookView,
  webhookWithSecretView,
} from "../schemas/webhook.ts";
import { idParams, pageAnswer, positionOf } from "./settings/paging.ts";

const tags = ["webhooks"];
const admin = { role: "admin" } as const;

/** What a create keeps for a replay: the secret stays sealed, as on its row, until answered. */
type KeptAnswer = z.infer<typeof webhookView> & { secret_sealed: string };

export function registerWebhookRoutes(app: App, rt: Runtime): void {
  const withSecret = (kept: KeptAnswer): z.infer<typeof webhookWithSecretView> => {
    const { secret_sealed, ...view } = kept;
    return { ...view, secret: open(rt.secret, "webhook-secret", view.id, secret_sealed) };
  };

  app.get(
    "/api/v1/webhooks",
    {
      config: admin,
      schema: {
        summary: "List webhooks, newest first",
        tags,
        querystring: z.strictObject(paging),
        response: { 200: page(webhookView), 400: problemView, 403: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const result = await listWebhooks(rt.db, {
        workspaceId: p.workspaceId,
        after: positionOf(rt, request.query.cursor),
        limit: request.query.limit,
      });
      return pageAnswer(rt, result, presentWebhook);
    },
  );

  app.get(
    "/api/v1/webhooks/:id",
    {
      config: admin,
      schema: {
        summary: "One webhook (never its secret)",
        tags,
        params: idParams,
        response: { 200: webhookView, 403: problemView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const webhook = await getWebhook(rt.db, p.workspaceId, request.params.id);
      if (!webhook) throw new DeskError("not_found", "no such webhook");
      return presentWebhook(webhook);
    },
  );

  app.post(
    "/api/v1/webhooks",
    {
      config: admin,
      schema: {
        summary: "Subscribe a URL to events",
        description:
          "Admins. The answer holds the signing secret (`whsec_…`), never shown again. Deliveries " +
          "are signed in the Standard Webhooks format. A URL whose host resolves to a private, " +
          "loopback or link-local address is a 400 unless RAPPORT_WEBHOOK_ALLOW_PRIVATE=1.",
        tags,
        headers: idempotencyHeader,
        body: newWebhookBody,
        response: {
          200: webhookWithSecretView,
          201: webhookWithSecretView,
          400: problemView,
          403: problemView,
          422: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const { answer, replayed } = await runIdempotent(
        rt,
        createWebhook,
        p,
        { url: b.url, events: b.events, description: b.description, brandId: b.brand_id },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "webhooks", body: b },
          answer: ({ webhook }): KeptAnswer => ({
            ...presentWebhook(webhook),
            secret_sealed: webhook.secretSealed,
          }),
        },
      );
      return reply.code(replayed ? 200 : 201).send(withSecret(answer));
    },
  );

  app.patch(
    "/api/v1/webhooks/:id",
    {
      config: admin,
      schema: {
        summary: "Change a webhook",
        description:
          "Admins. `enabled: true` re-enables a webhook Rapport disabled after failures.",
        tags,
        params: idParams,
        body: webhookPatchBody,
        response: { 200: webhookView, 400: problemView, 403: problemView, 404: problemView },
      },
    },
    async (request) => {
      const webhook = await runCommand(rt, updateWebhook, principalOf(request), {
        id: request.params.id,
        patch: webhookFieldsOf(request.body),
      });
      return presentWebhook(webhook);
    },
  );

  app.delete(
    "/api/v1/webhooks/:id",
    {
      config: admin,
      schema: {
        summary: "Delete a webhook and its delivery log",
        tags,
        params: idParams,
        response: { 204: z.null(), 403: problemView, 404: problemView },
      },
    },
    async (request, reply) => {
      await runCommand(rt, deleteWebhook, principalOf(request), { id: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/webhooks/:id/rotate-secret",
    {
      config: admin,
      schema: {
        summary: "Replace a webhook's signing secret",
        description: "Admins. The answer holds the new secret, never shown again.",
        tags,
        params: idParams,
        response: { 200: webhookWithSecretView, 403: problemView, 404: problemView },
      },
    },
    async (request) => {
      const { webhook, secret } = await runCommand(rt, rotateWebhookSecret, principalOf(request), {
        id: request.params.id,
      });
      return { ...presentWebhook(webhook), secret };
    },
  );

  app.post(
    "/api/v1/webhooks/:id/test",
    {
      config: admin,
      schema: {
        summary: "Send a webhook a `webhook.test` delivery",
        description: "Admins; even to a disabled webhook. It shows in the delivery log.",
        tags,
        params: idParams,
        response: {
          202: z.object({ delivery_id: z.string() }),
          403: problemView,
          404: problemView,
        },
      },
    },
    async (request, reply) => {
      const { deliveryId } = await runCommand(rt, testWebhook, principalOf(request), {
        id: request.params.id,
      });
      return reply.code(202).send({ delivery_id: deliveryId });
    },
  );

  app.get(
    "/api/v1/webhooks/:id/deliveries",
    {
      config: admin,
      schema: {
        summary: "A webhook's delivery log: every attempt, newest first",
        tags,
        params: idParams,
        querystring: z.strictObject(paging),
        response: { 200: page(attemptView), 400: problemView, 403: problemView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const webhook = await getWebhook(rt.db, p.workspaceId, request.params.id);
      if (!webhook) throw new DeskError("not_found", "no such webhook");
      const result = await listWebhookAttempts(rt.db, {
        workspaceId: p.workspaceId,
        webhookId: webhook.id,
        after: positionOf(rt, request.query.cursor),
        limit: request.query.limit,
      });
      return pageAnswer(rt, result, presentAttempt);
    },
  );
}
