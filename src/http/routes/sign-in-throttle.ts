// Failed sign-ins are counted per account as well as per address: guessing one person's password
// from many addresses is slowed as much as guessing from one. Only failures count, so the owner
// signing in now and then never spends the allowance; once it is spent, even the right password
// waits (429 with Retry-After) until the window ends.
import type { CreateRateLimitOptions } from "@fastify/rate-limit";
import type { FastifyReply, FastifyRequest } from "fastify";
import { DeskError } from "../../errors.ts";
import type { App } from "../app-type.ts";

/** Failed sign-ins allowed per account and window. */
export const accountFailures = { max: 10, windowMs: 15 * 60_000 };

/** The account an attempt is for: its email as the desk compares them. */
const accountOf = (request: FastifyRequest): string => {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === "string" ? body.email.trim().toLowerCase() : "";
  return `sign-in:${email}`;
};

export type SignInThrottle = {
  /** Refuses the attempt (429) when the account's failures used its allowance. */
  check(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Counts a failed attempt against the account. */
  failed(request: FastifyRequest): Promise<void>;
};

export function signInThrottle(app: App): SignInThrottle {
  // `cache` sizes this limit's own store (read at run time, missing from the plugin's types): room
  // for many accounts, so that cycling through other emails cannot evict a target's count.
  const options: CreateRateLimitOptions & { cache: number } = {
    max: accountFailures.max,
    timeWindow: accountFailures.windowMs,
    keyGenerator: accountOf,
    cache: 100_000,
  };
  const limit = app.createRateLimit(options);
  return {
    async check(request, reply) {
      const state = await limit(request, { increment: false });
      if (state.isAllowed || state.remaining > 0) return;
      reply.header("retry-after", String(state.ttlInSeconds));
      throw new DeskError(
        "rate_limited",
        `too many failed sign-ins for this account: try again in ${Math.ceil(state.ttlInSeconds / 60)} min`,
      );
    },
    async failed(request) {
      await limit(request);
    },
  };
}
