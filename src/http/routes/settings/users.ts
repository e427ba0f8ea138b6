// /api/v1/users: list and read for every role (to assign and to name advisors); create and change
// for admins. Passwords are write-only; their hashes are never answered.

import { z } from "zod";
import { runCommand, runIdempotent } from "../../../commands/run-command.ts";
import { addUser } from "../../../commands/settings/add-user.ts";
import { updateUser } from "../../../commands/settings/update-user.ts";
import { roles } from "../../../domain/access/roles.ts";
import { DeskError } from "../../../errors.ts";
import type { Runtime } from "../../../runtime.ts";
import { getUser, listUsers } from "../../../store/queries/settings.ts";
import type { App } from "../../app-type.ts";
import { principalOf } from "../../plugins/authentication.ts";
import { page, paging, problemView } from "../../schemas/conversation.ts";
import { idempotencyHeader } from "../../schemas/idempotency.ts";
import {
  invalidInputView,
  newUserBody,
  presentUser,
  userPatchBody,
  userView,
} from "../../schemas/settings.ts";
import { idParams, pageAnswer, positionOf } from "./paging.ts";

type UserBody = Partial<z.infer<typeof newUserBody>>;

const userInput = (b: UserBody) => ({
  email: b.email,
  name: b.name,
  role: b.role,
  languages: b.languages,
  timeZone: b.time_zone,
  schedule: b.schedule,
  outOfOffice: b.out_of_office,
  capacity: b.capacity,
  active: b.active,
  password: b.password,
});

export function registerUserRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/users",
    {
      schema: {
        summary: "List users, newest first",
        tags: ["settings"],
        querystring: z.strictObject({
          role: z.enum(roles).optional(),
          active: z.enum(["true", "false"]).optional(),
          ...paging,
        }),
        response: { 200: page(userView), 400: invalidInputView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const result = await listUsers(rt.db, {
        workspaceId: p.workspaceId,
        role: q.role,
        active: q.active === undefined ? undefined : q.active === "true",
        after: positionOf(rt, q.cursor),
        limit: q.limit,
      });
      return pageAnswer(rt, result, presentUser);
    },
  );

  app.get(
    "/api/v1/users/:id",
    {
      schema: {
        summary: "One user",
        tags: ["settings"],
        params: idParams,
        response: { 200: userView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const user = await getUser(rt.db, p.workspaceId, request.params.id);
      if (!user) throw new DeskError("not_found", "no such user");
      return presentUser(user);
    },
  );

  app.post(
    "/api/v1/users",
    {
      config: { role: "admin" },
      schema: {
        summary: "Create a user",
        description: "An email already used in the workspace is a 409.",
        tags: ["settings"],
        headers: idempotencyHeader,
        body: newUserBody,
        response: {
          200: userView,
          201: userView,
          400: invalidInputView,
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
        addUser,
        p,
        {
          ...userInput(b),
          email: b.email,
          name: b.name,
          role: b.role,
        },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "users", body: b },
          answer: presentUser,
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.patch(
    "/api/v1/users/:id",
    {
      config: { role: "admin" },
      schema: {
        summary: "Change a user",
        description:
          "Demoting or deactivating the last active admin is a 409. A new password ends the " +
          "user's console sessions.",
        tags: ["settings"],
        params: idParams,
        body: userPatchBody,
        response: {
          200: userView,
          400: invalidInputView,
          403: problemView,
          404: problemView,
          409: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return presentUser(
        await runCommand(rt, updateUser, p, {
          id: request.params.id,
          patch: userInput(request.body),
        }),
      );
    },
  );
}
