// /api/v1/canned-answers: reusable replies per language and brand; list and read for every role,
// create, change and delete for admins.

import { z } from "zod";
import { runCommand, runIdempotent } from "../../../commands/run-command.ts";
import { createCannedAnswer } from "../../../commands/settings/create-canned-answer.ts";
import { deleteCannedAnswer } from "../../../commands/settings/delete-canned-answer.ts";
import { updateCannedAnswer } from "../../../commands/settings/update-canned-answer.ts";
import { DeskError } from "../../../errors.ts";
import type { Runtime } from "../../../runtime.ts";
import { getCannedAnswer, listCannedAnswers } from "../../../store/queries/settings.ts";
import type { App } from "../../app-type.ts";
import { principalOf } from "../../plugins/authentication.ts";
import { page, paging, problemView } from "../../schemas/conversation.ts";
import { idempotencyHeader } from "../../schemas/idempotency.ts";
import {
  cannedAnswerPatchBody,
  cannedAnswerView,
  invalidInputView,
  language,
  newCannedAnswerBody,
  presentCannedAnswer,
} from "../../schemas/settings.ts";
import { idParams, pageAnswer, positionOf } from "./paging.ts";

type CannedAnswerBody = Partial<z.infer<typeof newCannedAnswerBody>>;

const cannedAnswerInput = (b: CannedAnswerBody) => ({
  title: b.title,
  language: b.language,
  brandId: b.brand_id,
  body: b.body,
});

export function registerCannedAnswerRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/canned-answers",
    {
      schema: {
        summary: "List canned answers, newest first",
        tags: ["settings"],
        querystring: z.strictObject({
          language: language.optional(),
          brand: z.uuid().optional(),
          ...paging,
        }),
        response: { 200: page(cannedAnswerView), 400: invalidInputView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const result = await listCannedAnswers(rt.db, {
        workspaceId: p.workspaceId,
        language: q.language,
        brandId: q.brand,
        after: positionOf(rt, q.cursor),
        limit: q.limit,
      });
      return pageAnswer(rt, result, presentCannedAnswer);
    },
  );

  app.get(
    "/api/v1/canned-answers/:id",
    {
      schema: {
        summary: "One canned answer",
        tags: ["settings"],
        params: idParams,
        response: { 200: cannedAnswerView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const answer = await getCannedAnswer(rt.db, p.workspaceId, request.params.id);
      if (!answer) throw new DeskError("not_found", "no such canned answer");
      return presentCannedAnswer(answer);
    },
  );

  app.post(
    "/api/v1/canned-answers",
    {
      config: { role: "admin" },
      schema: {
        summary: "Create a canned answer",
        tags: ["settings"],
        headers: idempotencyHeader,
        body: newCannedAnswerBody,
        response: {
          200: cannedAnswerView,
          201: cannedAnswerView,
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
        createCannedAnswer,
        p,
        {
          ...cannedAnswerInput(b),
          title: b.title,
          body: b.body,
        },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "canned-answers", body: b },
          answer: presentCannedAnswer,
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.patch(
    "/api/v1/canned-answers/:id",
    {
      config: { role: "admin" },
      schema: {
        summary: "Change a canned answer",
        tags: ["settings"],
        params: idParams,
        body: cannedAnswerPatchBody,
        response: {
          200: cannedAnswerView,
          400: invalidInputView,
          403: problemView,
          404: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const answer = await runCommand(rt, updateCannedAnswer, p, {
        id: request.params.id,
        patch: cannedAnswerInput(request.body),
      });
      return presentCannedAnswer(answer);
    },
  );

  app.delete(
    "/api/v1/canned-answers/:id",
    {
      config: { role: "admin" },
      schema: {
        summary: "Delete a canned answer",
        description: "Its text stays in the audit trail (event `canned_answer.deleted`).",
        tags: ["settings"],
        params: idParams,
        response: { 204: z.null(), 403: problemView, 404: problemView },
      },
    },
    async (request, reply) => {
      await runCommand(rt, deleteCannedAnswer, principalOf(request), { id: request.params.id });
      return reply.code(204).send(null);
    },
  );
}
