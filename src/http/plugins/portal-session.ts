// The portal's own session: a cookie apart from the advisors' (rapport_portal), read by the portal's
// routes only. Its writes echo the session's CSRF token (X-CSRF-Token, or a form's csrf_token field);
// the two that come before a session (asking for a link, signing in) refuse another site's Origin.
import type { FastifyReply, FastifyRequest } from "fastify";
import { sameSecret } from "../../commands/access/secrets.ts";
import { type PortalSession, portalSessionOf } from "../../commands/portal/portal-sessions.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import type { App } from "../app-type.ts";

export const portalCookie = "rapport_portal";

/** The address links are built under: RAPPORT_PUBLIC_URL, else this server's own listener. */
export function publicBase(rt: Runtime, app: App): string {
  if (rt.config.publicUrl) return rt.config.publicUrl;
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : rt.config.port;
  const host = rt.config.host.includes(":") ? `[${rt.config.host}]` : rt.config.host;
  return `http://${host}:${port}`;
}

export function setPortalCookie(
  rt: Runtime,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
): void {
  reply.setCookie(portalCookie, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: rt.config.publicUrl?.startsWith("https://") ?? false,
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

export const clearPortalCookie = (reply: FastifyReply) =>
  reply.clearCookie(portalCookie, { path: "/" });

/** The session of the request's portal cookie, or null. */
export function portalSessionOfRequest(
  rt: Runtime,
  request: FastifyRequest,
): Promise<PortalSession | null> {
  const token = request.cookies[portalCookie];
  return token ? portalSessionOf(rt, token) : Promise.resolve(null);
}

/**
 * A write under a portal session must echo its CSRF token: the X-CSRF-Token header (the API), or
 * `field`, the csrf_token of a page's form.
 */
export function checkPortalCsrf(
  request: FastifyRequest,
  session: PortalSession,
  field?: string,
): void {
  const header = request.headers["x-csrf-token"];
  const sent = field ?? (typeof header === "string" ? header : "");
  if (!sameSecret(sent, session.csrfToken)) {
    throw new DeskError("csrf_failed", "send the csrf_token of GET /api/v1/portal/me");
  }
}

/**
 * A write that comes before any session: refused when a browser says it comes from another site
 * (`Origin`, or `Sec-Fetch-Site: cross-site`); programs that send neither pass.
 */
export function checkSameSite(request: FastifyRequest): void {
  const site = request.headers["sec-fetch-site"];
  const origin = request.headers.origin;
  let foreign = site === "cross-site";
  if (typeof origin === "string" && origin !== "null") {
    try {
      foreign ||= new URL(origin).host !== request.host;
    } catch {
      foreign = true;
    }
  }
  if (foreign) throw new DeskError("csrf_failed", "this form was sent from another site");
}
