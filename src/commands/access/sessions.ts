// Signing in and out of the console, and recognising a session cookie or an API token.
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import {
  lastUseResolutionMs,
  lastUseWorthWriting,
  tokenRoleAt,
} from "../../domain/access/tokens.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { acrossWorkspaces } from "../../store/queries/workspace-scope.ts";
import { apiTokens, sessions, users } from "../../store/schema/index.ts";
import type { Principal } from "./principal.ts";
import { hashPassword, passwordMatches, sha256 } from "./secrets.ts";

const sessionDays = 14;
let decoyHash: Promise<string> | null = null;

export async function signIn(rt: Runtime, email: string, password: string) {
  const [user] = await rt.db
    .select()
    .from(users)
    .where(
      and(
        acrossWorkspaces("the address signing in names the workspace"),
        eq(users.email, email.trim().toLowerCase()),
        eq(users.active, true),
      ),
    )
    .limit(1);
  // Verify against a decoy when the user is unknown, so timing does not reveal who has an account.
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const ok = await passwordMatches(user?.passwordHash ?? (await decoyHash), password);
  if (!user?.passwordHash || !ok) throw new DeskError("bad_credentials");
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = rt.now();
  await rt.db.insert(sessions).values({
    workspaceId: user.workspaceId,
    id: rt.newId(),
    userId: user.id,
    tokenHash: sha256(token),
    csrfToken,
    createdAt: now,
    expiresAt: new Date(now.getTime() + sessionDays * 86_400_000),
  });
  return { token, csrfToken, user, maxAgeSeconds: sessionDays * 86_400 };
}

export async function signOut(rt: Runtime, token: string): Promise<void> {
  await rt.db
    .delete(sessions)
    .where(
      and(
        acrossWorkspaces("a session is found by its token"),
        eq(sessions.tokenHash, sha256(token)),
      ),
    );
}

export async function principalFromSession(rt: Runtime, token: string): Promise<Principal | null> {
  const [row] = await rt.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(
      users,
      and(eq(users.workspaceId, sessions.workspaceId), eq(users.id, sessions.userId)),
    )
    .where(
      and(
        acrossWorkspaces("a session is found by its token"),
        eq(sessions.tokenHash, sha256(token)),
        gt(sessions.expiresAt, rt.now()),
      ),
    )
    .limit(1);
  if (!row?.user.active) return null;
  return {
    workspaceId: row.user.workspaceId,
    role: row.user.role,
    userId: row.user.id,
    via: "session",
    csrfToken: row.session.csrfToken,
    scope: `user:${row.user.id}`,
    actor: { kind: "user", id: row.user.id, name: row.user.name },
  };
}

/**
 * The principal of an API token, or null when it does not work (unknown, revoked, expired, its user
 * disabled). A bound token acts with the lower of its role and its user's, read at each request, so
 * a demotion applies at once. The last use is written at most once a minute per token.
 */
export async function principalFromToken(rt: Runtime, token: string): Promise<Principal | null> {
  const [row] = await rt.db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .leftJoin(
      users,
      and(eq(users.workspaceId, apiTokens.workspaceId), eq(users.id, apiTokens.userId)),
    )
    .where(
      and(
        acrossWorkspaces("an API token is found by its value"),
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  const now = rt.now();
  const role = tokenRoleAt(row.token, row.user, now);
  if (role === null) return null;
  if (lastUseWorthWriting(row.token.lastUsedAt, now)) await noteTokenUse(rt, row.token, now);
  return {
    workspaceId: row.token.workspaceId,
    role,
    userId: row.token.userId,
    via: "token",
    csrfToken: null,
    scope: `token:${row.token.id}`,
    actor: row.user
      ? { kind: "user", id: row.user.id, name: row.user.name }
      : { kind: "token", id: row.token.id, name: row.token.name },
  };
}

/** Writes the last use; of concurrent requests, only the first in a minute changes the row. */
async function noteTokenUse(
  rt: Runtime,
  token: { workspaceId: string; id: string },
  now: Date,
): Promise<void> {
  const stale = new Date(now.getTime() - lastUseResolutionMs);
  await rt.db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.workspaceId, token.workspaceId),
        eq(apiTokens.id, token.id),
        or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, stale)),
      ),
    );
}
