// Failed sign-ins are counted per account as well as per address: guessing one person's password
// from many addresses is slowed as much as guessing from one. Only failures count, so the owner
// signing in now and then never spends the allowance; once it is spent, even the right password
// waits (429 with Retry-After) until the window ends.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../app-type.ts";
import { keyedLimit, refuseWhenSpent } from "./keyed-limit.ts";

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
  const limit = keyedLimit(app, accountFailures, accountOf);
  return {
    check: (request, reply) =>
      refuseWhenSpent(limit, request, reply, "too many failed sign-ins for this account"),
    async failed(request) {
      await limit(request);
    },
  };
}
