// How often a sign-in link may be asked for: per client address (the route's own limit) and per
// email address, whoever asks, known or not, so that the limit says nothing about who is a customer.
import type { CreateRateLimitOptions } from "@fastify/rate-limit";
import type { FastifyReply, FastifyRequest } from "fastify";
import { normalizeEmail } from "../../domain/identity/normalize.ts";
import { DeskError } from "../../errors.ts";
import type { App } from "../app-type.ts";

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
  const options: CreateRateLimitOptions & { cache: number } = {
    max: linksPerAddress.max,
    timeWindow: linksPerAddress.windowMs,
    keyGenerator: addressOf,
    cache: 100_000,
  };
  const limit = app.createRateLimit(options);
  return async (request, reply) => {
    const state = await limit(request);
    if (state.isAllowed || !state.isExceeded) return;
    reply.header("retry-after", String(state.ttlInSeconds));
    throw new DeskError(
      "rate_limited",
      `too many sign-in links asked for this address: try again in ${Math.ceil(state.ttlInSeconds / 60)} min`,
    );
  };
}
