// Every API route needs a principal unless it says `config.public`; roles and CSRF are checked here,
// before the body is even validated (onRequest), so nothing is said to a stranger about the input.
import type { FastifyRequest } from "fastify";
import type { Principal } from "../../commands/access/principal.ts";
import { sameSecret } from "../../commands/access/secrets.ts";
import { principalFromSession, principalFromToken } from "../../commands/access/sessions.ts";
import { type Role, roleAtLeast } from "../../domain/access/roles.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import type { App } from "../app-type.ts";

export const sessionCookie = "rapport_session";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Answer without authentication (health, OpenAPI, sign-in, public pages). */
    public?: boolean;
    /** The least role allowed; advisor when unset. */
    role?: Role;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
/** `Authorization: Bearer <token>`: the token. */
const bearerPattern = /^Bearer\s+(\S+)$/i;

/** The principal of an authenticated route; throws when there is none (a bug in route config). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DeskError("unauthenticated");
  return request.principal;
}

/**
 * The request's principal read again from its credential (a long-lived request, such as the event
 * stream, asks whether its token is still valid or its session still open): null when it is not.
 */
export async function principalAgain(
  rt: Runtime,
  request: FastifyRequest,
): Promise<Principal | null> {
  const bearer = bearerPattern.exec(request.headers.authorization ?? "")?.[1];
  if (bearer) return principalFromToken(rt, bearer);
  const cookie = request.cookies[sessionCookie];
  return cookie ? principalFromSession(rt, cookie) : null;
}

export function registerAuthentication(app: App, rt: Runtime): void {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request) => {
    const config = request.routeOptions.config;
    const url = request.routeOptions.url ?? "";
    if (config.public || !url.startsWith("/api/") || url.startsWith("/api/docs")) return;
    const header = request.headers.authorization;
    let principal: Principal | null = null;
    if (header !== undefined) {
      const match = bearerPattern.exec(header);
      if (!match?.[1]) throw new DeskError("unauthenticated", "use Authorization: Bearer <token>");
      principal = await principalFromToken(rt, match[1]);
      if (!principal)
        throw new DeskError("unauthenticated", "this API token is unknown or revoked");
    } else {
      const cookie = request.cookies[sessionCookie];
      if (cookie) principal = await principalFromSession(rt, cookie);
      if (!principal) throw new DeskError("unauthenticated", "sign in, or send an API token");
      if (!safeMethods.has(request.method)) {
        const sent = request.headers["x-csrf-token"];
        if (
          typeof sent !== "string" ||
          !principal.csrfToken ||
          !sameSecret(sent, principal.csrfToken)
        ) {
          throw new DeskError(
            "csrf_failed",
            "send the X-CSRF-Token header given by GET /api/v1/me",
          );
        }
      }
    }
    const needed = config.role ?? "advisor";
    if (!roleAtLeast(principal.role, needed)) {
      throw new DeskError(
        "forbidden",
        `this needs the ${needed} role; you act as ${principal.role}`,
      );
    }
    request.principal = principal;
  });
}
