// The API's view of API tokens (docs/CONTRACT.md §8): never the secret, except once in the answer
// that creates it.
import { z } from "zod";
import { roles } from "../../domain/access/roles.ts";
import { tokenStatusAt, tokenStatuses } from "../../domain/access/tokens.ts";
import type { ListedToken } from "../../store/queries/tokens.ts";

const iso = z.string().describe("ISO-8601 UTC");

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(roles).describe("at most the bound user's role, whatever this says"),
  user: z
    .object({ id: z.string(), name: z.string(), email: z.string() })
    .nullable()
    .describe("the user the token acts as; null when bound to nobody"),
  status: z.enum(tokenStatuses),
  created_at: iso,
  last_used_at: iso.nullable().describe("to the minute: written at most once a minute"),
  expires_at: iso.nullable(),
  revoked_at: iso.nullable(),
});

export const newTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  user_id: z
    .uuid()
    .nullable()
    .optional()
    .describe("bind the token to this user (admins only for others); null binds it to nobody"),
  expires_at: z.iso.datetime({ offset: true }).nullable().optional().describe("never when unset"),
});

export const createdTokenView = tokenView.extend({
  token: z
    .string()
    .nullable()
    .describe(
      "the secret, shown only in the first answer (null when an Idempotency-Key replays it)",
    ),
});

export function presentToken(t: ListedToken, now: Date): z.infer<typeof tokenView> {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    user:
      t.userId && t.userName !== null && t.userEmail !== null
        ? { id: t.userId, name: t.userName, email: t.userEmail }
        : null,
    status: tokenStatusAt(t, now),
    created_at: t.createdAt.toISOString(),
    last_used_at: t.lastUsedAt?.toISOString() ?? null,
    expires_at: t.expiresAt?.toISOString() ?? null,
    revoked_at: t.revokedAt?.toISOString() ?? null,
  };
}
