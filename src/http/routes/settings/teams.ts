// /api/v1/teams: list, read (any role); create (admins); change (admins, or the team's own manager).

import { z } from "zod";
import { runCommand, runIdempotent } from "../../../commands/run-command.ts";
import { createTeam } from "../../../commands/settings/create-team.ts";
import { updateTeam } from "../../../commands/settings/update-team.ts";
import { DeskError } from "../../../errors.ts";
import type { Runtime } from "../../../runtime.ts";
import { getTeam, listTeams } from "../../../store/queries/settings.ts";
import type { App } from "../../app-type.ts";
import { principalOf } from "../../plugins/authentication.ts";
import { page, paging, problemView } from "../../schemas/conversation.ts";
import { idempotencyHeader } from "../../schemas/idempotency.ts";
import {
  invalidInputView,
  newTeamBody,
  presentTeam,
  teamPatchBody,
  teamView,
} from "../../schemas/settings.ts";
import { idParams, pageAnswer, positionOf } from "./paging.ts";

export function registerTeamRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/teams",
    {
      schema: {
        summary: "List teams, newest first",
        tags: ["settings"],
        querystring: z.strictObject({ ...paging }),
        response: { 200: page(teamView), 400: invalidInputView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const result = await listTeams(rt.db, {
        workspaceId: p.workspaceId,
        after: positionOf(rt, request.query.cursor),
        limit: request.query.limit,
      });
      return pageAnswer(rt, result, presentTeam);
    },
  );

  app.get(
    "/api/v1/teams/:id",
    {
      schema: {
        summary: "One team with its manager and members",
        tags: ["settings"],
        params: idParams,
        response: { 200: teamView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const team = await getTeam(rt.db, p.workspaceId, request.params.id);
      if (!team) throw new DeskError("not_found", "no such team");
      return presentTeam(team);
    },
  );

  app.post(
    "/api/v1/teams",
    {
      config: { role: "admin" },
      schema: {
        summary: "Create a team",
        description: "Its manager must be an active manager or admin.",
        tags: ["settings"],
        headers: idempotencyHeader,
        body: newTeamBody,
        response: { 200: teamView, 201: teamView, 400: invalidInputView, 403: problemView },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const { answer, replayed } = await runIdempotent(
        rt,
        createTeam,
        p,
        {
          name: b.name,
          managerId: b.manager_id,
          memberIds: b.member_ids,
        },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "teams", body: b },
          answer: presentTeam,
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.patch(
    "/api/v1/teams/:id",
    {
      config: { role: "manager" },
      schema: {
        summary: "Change a team",
        description:
          "Admins change any team. A manager changes the name and members of a team they manage, " +
          "but not its manager (403).",
        tags: ["settings"],
        params: idParams,
        body: teamPatchBody,
        response: { 200: teamView, 400: invalidInputView, 403: problemView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const team = await runCommand(rt, updateTeam, p, {
        id: request.params.id,
        patch: {
          name: b.name,
          managerId: b.manager_id,
          memberIds: b.member_ids,
        },
      });
      return presentTeam(team);
    },
  );
}
