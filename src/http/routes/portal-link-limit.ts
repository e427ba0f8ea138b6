// How often a sign-in link may be asked for: per client address (the route's own limit) and per
// email address, whoever asks, known or not, so that the limit says nothing about who is a customer.
import type { FastifyReply, FastifyRequest } from "fastify";
import { normalizeEmail } from "../../domain/identity/normalize.ts";
import type { App } from "../app-type.ts";
import { keyedLimit, refuseWhenSpent } from "./keyed-limit.ts";

/** Links asked for one address in a window. */
export const linksPerAddress = { max: 5, windowMs: 60 * 60_000 };
/** Links asked for from one client address in a window (the route's limit). */
export const linksPerClient = { max: 20, timeWindow: "1 minute" } as const;

const addressOf = (request: FastifyRequest): string => {
  const body = request.body as { email?: unknown } | undefined;
  return `portal-link:${typeof body?.email === "string" ? normalizeEmail(body.email) : ""}`;
};

export type LinkLimit = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export function portalLinkLimit(app: App): LinkLimit {
  const limit = keyedLimit(app, linksPerAddress, addressOf);
  return async (request, reply) => {
    await refuseWhenSpent(limit, request, reply, "too many sign-in links asked for this address");
    await limit(request);
  };
}
