// /api/v1/tokens: list (never the secret), create (the secret answered once) and revoke API tokens.
// Admins manage every token of the workspace; anyone else the tokens bound to themselves.
import { z } from "zod";
import { addToken } from "../../commands/access/add-token.ts";
import { revokeToken } from "../../commands/access/revoke-token.ts";
import { runCommand, runIdempotent } from "../../commands/run-command.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { listTokens } from "../../store/queries/tokens.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { page, paging, problemView } from "../schemas/conversation.ts";
import { idempotencyHeader } from "../schemas/idempotency.ts";
import { createdTokenView, newTokenBody, presentToken, tokenView } from "../schemas/token.ts";
import { idParams, pageAnswer, positionOf } from "./settings/paging.ts";

export function registerTokenRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/tokens",
    {
      schema: {
        summary: "List API tokens, newest first (never their secrets)",
        description:
          "Admins see every token of the workspace, revoked and expired ones included; anyone " +
          "else the tokens bound to themselves.",
        tags: ["tokens"],
        querystring: z.strictObject(paging),
        response: { 200: page(tokenView), 400: problemView, 403: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (p.role !== "admin" && p.userId === null) {
        throw new DeskError("forbidden", "a token bound to nobody has no tokens of its own");
      }
      const result = await listTokens(rt.db, {
        workspaceId: p.workspaceId,
        userId: p.role === "admin" ? undefined : (p.userId ?? undefined),
        after: positionOf(rt, request.query.cursor),
        limit: request.query.limit,
      });
      const now = rt.now();
      return pageAnswer(rt, result, (t) => presentToken(t, now));
    },
  );

  app.post(
    "/api/v1/tokens",
    {
      schema: {
        summary: "Create an API token (the secret is in this answer only)",
        description:
          "Bound to the user acting unless `user_id` says otherwise (admins only). A bound token " +
          "never acts above its user's role: asking for more is a 400. A replay of the same " +
          "Idempotency-Key answers the token without its secret.",
        tags: ["tokens"],
        headers: idempotencyHeader,
        body: newTokenBody,
        response: {
          200: createdTokenView,
          201: createdTokenView,
          400: problemView,
          403: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      let secret: string | null = null;
      const { answer, replayed } = await runIdempotent(
        rt,
        addToken,
        p,
        {
          name: b.name,
          role: b.role,
          userId: b.user_id === undefined ? p.userId : b.user_id,
          expiresAt: b.expires_at ? new Date(b.expires_at) : null,
        },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "tokens", body: b },
          // The kept answer holds no secret: tokens are stored only as their hash.
          answer: ({ row, user, token }, uow) => {
            secret = token;
            return {
              ...presentToken(
                { ...row, userName: user?.name ?? null, userEmail: user?.email ?? null },
                uow.now,
              ),
              token: null,
            };
          },
        },
      );
      return reply.code(replayed ? 200 : 201).send({ ...answer, token: replayed ? null : secret });
    },
  );

  app.delete(
    "/api/v1/tokens/:id",
    {
      schema: {
        summary: "Revoke an API token: the next request that carries it is a 401",
        description: "Revoking a revoked token changes nothing. Someone else's token is a 404.",
        tags: ["tokens"],
        params: idParams,
        response: { 204: z.null(), 404: problemView },
      },
    },
    async (request, reply) => {
      await runCommand(rt, revokeToken, principalOf(request), { id: request.params.id });
      return reply.code(204).send(null);
    },
  );
}
