// Signing in to the console (cookie session), signing out, and who am I (with the CSRF token).
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { signIn, signOut } from "../../commands/access/sessions.ts";
import { roles } from "../../domain/access/roles.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { users, workspaces } from "../../store/schema/index.ts";
import type { App } from "../app-type.ts";
import { principalOf, sessionCookie } from "../plugins/authentication.ts";
import { signInThrottle } from "./sign-in-throttle.ts";

const userView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  languages: z.array(z.string()),
});

export function registerSessionRoutes(app: App, rt: Runtime): void {
  const r = app;
  const secure = rt.config.publicUrl?.startsWith("https://") ?? false;
  const throttle = signInThrottle(app);

  r.post(
    "/api/v1/session",
    {
      // Per client address (behind a trusted proxy, the one X-Forwarded-For names).
      config: { public: true, rateLimit: { max: 10, timeWindow: "1 minute" } },
      preHandler: (request, reply) => throttle.check(request, reply),
      schema: {
        summary: "Sign in (sets an HttpOnly session cookie)",
        description:
          "At most 10 attempts a minute per client address, and 10 failed attempts per account " +
          "in 15 minutes (then 429 with Retry-After, even with the right password).",
        tags: ["session"],
        security: [],
        body: z.strictObject({
          email: z.string().min(1).max(320),
          password: z.string().min(1).max(1000),
        }),
        response: { 200: z.object({ user: userView, csrf_token: z.string() }) },
      },
    },
    async (request, reply) => {
      const session = await signIn(rt, request.body.email, request.body.password).catch(
        async (error: unknown) => {
          if (error instanceof DeskError && error.code === "bad_credentials") {
            await throttle.failed(request);
          }
          throw error;
        },
      );
      reply.setCookie(sessionCookie, session.token, {
        httpOnly: true,
        sameSite: "lax",
        secure,
        path: "/",
        maxAge: session.maxAgeSeconds,
      });
      const u = session.user;
      return {
        user: { id: u.id, name: u.name, email: u.email, role: u.role, languages: u.languages },
        csrf_token: session.csrfToken,
      };
    },
  );

  r.delete(
    "/api/v1/session",
    { schema: { summary: "Sign out", tags: ["session"], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await signOut(rt, token);
      reply.clearCookie(sessionCookie, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  r.get(
    "/api/v1/me",
    {
      schema: {
        summary:
          "The signed-in user or the token's principal, and the CSRF token for cookie writes",
        tags: ["session"],
        response: {
          200: z.object({
            user: userView.nullable(),
            role: z.enum(roles),
            workspace: z.object({ id: z.string(), name: z.string() }),
            csrf_token: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const [workspace] = await rt.db
        .select()
        .from(workspaces)
        .where(eq(workspaces.id, p.workspaceId));
      const [user] = p.userId
        ? await rt.db
            .select()
            .from(users)
            .where(and(eq(users.workspaceId, p.workspaceId), eq(users.id, p.userId)))
        : [];
      return {
        user: user
          ? {
              id: user.id,
              name: user.name,
              email: user.email,
              role: user.role,
              languages: user.languages,
            }
          : null,
        role: p.role,
        workspace: { id: p.workspaceId, name: workspace?.name ?? "" },
        csrf_token: p.csrfToken,
      };
    },
  );
}
