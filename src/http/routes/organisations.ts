// /api/v1/organisations: list and read (any role); create and change (managers and admins).
import { z } from "zod";
import { createOrganisation } from "../../commands/organisation/create-organisation.ts";
import { updateOrganisation } from "../../commands/organisation/update-organisation.ts";
import { runCommand, runIdempotent } from "../../commands/run-command.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { getOrganisation, listOrganisations } from "../../store/queries/organisations.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { page, paging, problemView } from "../schemas/conversation.ts";
import { idempotencyHeader } from "../schemas/idempotency.ts";
import {
  newOrganisationBody,
  organisationFieldsOf,
  organisationPatchBody,
  organisationQuery,
  organisationView,
  presentOrganisation,
} from "../schemas/organisation.ts";
import { idParams, pageAnswer, positionOf } from "./settings/paging.ts";

const tags = ["organisations"];

export function registerOrganisationRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/organisations",
    {
      schema: {
        summary: "List organisations, newest first",
        tags,
        querystring: z.strictObject({ ...organisationQuery, ...paging }),
        response: { 200: page(organisationView), 400: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const result = await listOrganisations(rt.db, {
        workspaceId: p.workspaceId,
        q: request.query.q,
        after: positionOf(rt, request.query.cursor),
        limit: request.query.limit,
      });
      return pageAnswer(rt, result, presentOrganisation);
    },
  );

  app.get(
    "/api/v1/organisations/:id",
    {
      schema: {
        summary: "One organisation",
        tags,
        params: idParams,
        response: { 200: organisationView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const organisation = await getOrganisation(rt.db, p.workspaceId, request.params.id);
      if (!organisation) throw new DeskError("not_found", "no such organisation");
      return presentOrganisation(organisation);
    },
  );

  app.post(
    "/api/v1/organisations",
    {
      config: { role: "manager" },
      schema: {
        summary: "Create an organisation",
        description:
          "Managers and admins. The advisor, backup and partner manager are active users; a " +
          "domain another organisation holds is a 409.",
        tags,
        headers: idempotencyHeader,
        body: newOrganisationBody,
        response: {
          200: organisationView,
          201: organisationView,
          400: problemView,
          403: problemView,
          409: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const { answer, replayed } = await runIdempotent(
        rt,
        createOrganisation,
        p,
        { ...organisationFieldsOf(b), name: b.name },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "organisations", body: b },
          answer: presentOrganisation,
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.patch(
    "/api/v1/organisations/:id",
    {
      config: { role: "manager" },
      schema: {
        summary: "Change an organisation",
        description: "Managers and admins; `null` clears the advisor, backup or partner manager.",
        tags,
        params: idParams,
        body: organisationPatchBody,
        response: {
          200: organisationView,
          400: problemView,
          403: problemView,
          404: problemView,
          409: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const organisation = await runCommand(rt, updateOrganisation, p, {
        id: request.params.id,
        patch: organisationFieldsOf(request.body),
      });
      return presentOrganisation(organisation);
    },
  );
}
