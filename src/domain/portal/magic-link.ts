// The rules of the portal's magic links and sessions: a link is 32 random bytes shown once, kept
// as its SHA-256 (commands/access/secrets.ts), good for 15 minutes and for one sign-in only.

/** How long a mailed link signs in. */
export const linkLifetimeMs = 15 * 60_000;
/** How long a portal session lasts after the sign-in. */
export const sessionLifetimeMs = 7 * 86_400_000;
/** The bytes of a link's token and of a session's. */
export const tokenBytes = 32;

export type LinkState = "usable" | "expired" | "used";

/** Whether a link signs in at `now`: once, before it expires. */
export function linkState(link: { expiresAt: Date; usedAt: Date | null }, now: Date): LinkState {
  if (link.usedAt !== null) return "used";
  return now.getTime() < link.expiresAt.getTime() ? "usable" : "expired";
}

/** When a link made at `now` stops working. */
export const linkExpiry = (now: Date): Date => new Date(now.getTime() + linkLifetimeMs);

/** Only a token of the right shape is looked up: 32 bytes in base64url are 43 characters. */
export const tokenShape = /^[A-Za-z0-9_-]{43}$/;
