// A limit counted per key of the request (an account, an email address) rather than per client
// address, and its refusal: 429 with Retry-After, in minutes for people.
import type { CreateRateLimitOptions } from "@fastify/rate-limit";
import type { FastifyReply, FastifyRequest } from "fastify";
import { DeskError } from "../../errors.ts";
import type { App } from "../app-type.ts";

export type KeyedLimit = ReturnType<App["createRateLimit"]>;

export function keyedLimit(
  app: App,
  limit: { max: number; windowMs: number },
  keyOf: (request: FastifyRequest) => string,
): KeyedLimit {
  // `cache` sizes this limit's own store (read at run time, missing from the plugin's types): room
  // for many keys, so that cycling through others cannot evict a target's count.
  const options: CreateRateLimitOptions & { cache: number } = {
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: keyOf,
    cache: 100_000,
  };
  return app.createRateLimit(options);
}

/**
 * Refuses (429) when the key's allowance is spent, read without counting this request: Retry-After,
 * and `what` with the minutes to wait.
 */
export async function refuseWhenSpent(
  limit: KeyedLimit,
  request: FastifyRequest,
  reply: FastifyReply,
  what: string,
): Promise<void> {
  const state = await limit(request, { increment: false });
  if (state.isAllowed || state.remaining > 0) return;
  reply.header("retry-after", String(state.ttlInSeconds));
  throw new DeskError(
    "rate_limited",
    `${what}: try again in ${Math.ceil(state.ttlInSeconds / 60)} min`,
  );
}
