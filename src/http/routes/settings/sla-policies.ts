// /api/v1/sla-policies: first response, next response and resolution in business minutes, per brand,
// priority and channel; list and read for every role, create and change for admins.

import { z } from "zod";
import { runCommand, runIdempotent } from "../../../commands/run-command.ts";
import { createSlaPolicy } from "../../../commands/settings/create-sla-policy.ts";
import { updateSlaPolicy } from "../../../commands/settings/update-sla-policy.ts";
import { DeskError } from "../../../errors.ts";
import type { Runtime } from "../../../runtime.ts";
import { getSlaPolicy, listSlaPolicies } from "../../../store/queries/settings.ts";
import type { App } from "../../app-type.ts";
import { principalOf } from "../../plugins/authentication.ts";
import { page, paging, problemView } from "../../schemas/conversation.ts";
import { idempotencyHeader } from "../../schemas/idempotency.ts";
import {
  invalidInputView,
  newSlaPolicyBody,
  presentSlaPolicy,
  slaPolicyPatchBody,
  slaPolicyView,
} from "../../schemas/settings.ts";
import { idParams, pageAnswer, positionOf } from "./paging.ts";

type SlaPolicyBody = Partial<z.infer<typeof newSlaPolicyBody>>;

const slaPolicyInput = (b: SlaPolicyBody) => ({
  name: b.name,
  brandId: b.brand_id,
  priority: b.priority,
  channel: b.channel,
  firstResponseMinutes: b.first_response_minutes,
  nextResponseMinutes: b.next_response_minutes,
  resolutionMinutes: b.resolution_minutes,
});

export function registerSlaPolicyRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/sla-policies",
    {
      schema: {
        summary: "List SLA policies, newest first",
        tags: ["settings"],
        querystring: z.strictObject({ brand: z.uuid().optional(), ...paging }),
        response: { 200: page(slaPolicyView), 400: invalidInputView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const result = await listSlaPolicies(rt.db, {
        workspaceId: p.workspaceId,
        brandId: request.query.brand,
        after: positionOf(rt, request.query.cursor),
        limit: request.query.limit,
      });
      return pageAnswer(rt, result, presentSlaPolicy);
    },
  );

  app.get(
    "/api/v1/sla-policies/:id",
    {
      schema: {
        summary: "One SLA policy",
        tags: ["settings"],
        params: idParams,
        response: { 200: slaPolicyView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const policy = await getSlaPolicy(rt.db, p.workspaceId, request.params.id);
      if (!policy) throw new DeskError("not_found", "no such SLA policy");
      return presentSlaPolicy(policy);
    },
  );

  app.post(
    "/api/v1/sla-policies",
    {
      config: { role: "admin" },
      schema: {
        summary: "Create an SLA policy",
        description:
          "The most specific policy matching a conversation's brand, priority and channel applies; " +
          "without one, the contract's defaults (4 business hours, 1 when urgent; 8; 5 days).",
        tags: ["settings"],
        headers: idempotencyHeader,
        body: newSlaPolicyBody,
        response: {
          200: slaPolicyView,
          201: slaPolicyView,
          400: invalidInputView,
          403: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const { answer, replayed } = await runIdempotent(
        rt,
        createSlaPolicy,
        p,
        {
          ...slaPolicyInput(b),
          name: b.name,
          firstResponseMinutes: b.first_response_minutes,
          nextResponseMinutes: b.next_response_minutes,
          resolutionMinutes: b.resolution_minutes,
        },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "sla-policies", body: b },
          answer: presentSlaPolicy,
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.patch(
    "/api/v1/sla-policies/:id",
    {
      config: { role: "admin" },
      schema: {
        summary: "Change an SLA policy",
        tags: ["settings"],
        params: idParams,
        body: slaPolicyPatchBody,
        response: {
          200: slaPolicyView,
          400: invalidInputView,
          403: problemView,
          404: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const policy = await runCommand(rt, updateSlaPolicy, p, {
        id: request.params.id,
        patch: slaPolicyInput(request.body),
      });
      return presentSlaPolicy(policy);
    },
  );
}
