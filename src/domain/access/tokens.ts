// The rules of API tokens: what a token may do (never more than the user it is bound to), when it
// still works, who may see or revoke it, and when its last use is worth writing down.
import type { Acting } from "./policies.ts";
import { type Role, roleAtLeast } from "./roles.ts";

/** The token as these rules see it. */
export type TokenState = {
  role: Role;
  userId: string | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
};

/** The bound user as these rules see them; null for a token bound to nobody. */
export type BoundUser = { role: Role; active: boolean } | null;

/** The lower of two roles. */
export const lowerRole = (a: Role, b: Role): Role => (roleAtLeast(a, b) ? b : a);

/**
 * The role a token acts with at `now`, or null when it does not work (revoked, expired, its user
 * disabled or gone). A bound token never exceeds its user's role, even when the user's role was
 * lowered after the token was made.
 */
export function tokenRoleAt(token: TokenState, user: BoundUser, now: Date): Role | null {
  if (tokenStatusAt(token, now) !== "active") return null;
  if (token.userId === null) return token.role;
  if (!user?.active) return null;
  return lowerRole(token.role, user.role);
}

export const tokenStatuses = ["active", "expired", "revoked"] as const;
export type TokenStatus = (typeof tokenStatuses)[number];

/** Whether a token still works at `now`, whoever it is bound to. */
export function tokenStatusAt(
  token: Pick<TokenState, "revokedAt" | "expiresAt">,
  now: Date,
): TokenStatus {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** A token is made with at most its user's role: asking for more is a mistake, not a wish. */
export const mayGrantRole = (requested: Role, user: BoundUser): boolean =>
  user === null || roleAtLeast(user.role, requested);

/** Admins see and revoke every token; anyone else only the tokens bound to themselves. */
export function mayManageToken(acting: Acting, token: { userId: string | null }): boolean {
  if (acting.role === "admin") return true;
  return acting.userId !== null && token.userId === acting.userId;
}

/** How stale `last_used_at` may get: a busy token writes it at most once per period. */
export const lastUseResolutionMs = 60_000;

/** True when a use at `now` should be written down (never more than once a minute per token). */
export const lastUseWorthWriting = (lastUsedAt: Date | null, now: Date): boolean =>
  lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= lastUseResolutionMs;
