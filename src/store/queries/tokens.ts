// Reading API tokens, newest first and keyset-paged, with the user each is bound to; the hash of the
// secret is never read here.
import { and, eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { apiTokens, users } from "../schema/index.ts";
import { after, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

const newest: Keyset = { at: apiTokens.createdAt, id: apiTokens.id };

export type TokenFilter = {
  workspaceId: string;
  /** Only the tokens bound to this user; every token of the workspace when undefined. */
  userId?: string | undefined;
  after?: Position | undefined;
  limit: number;
};

const listed = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  userId: apiTokens.userId,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  userName: users.name,
  userEmail: users.email,
};

export async function listTokens(db: Db, f: TokenFilter) {
  const rows = await db
    .select(listed)
    .from(apiTokens)
    .leftJoin(
      users,
      and(eq(users.workspaceId, apiTokens.workspaceId), eq(users.id, apiTokens.userId)),
    )
    .where(
      inWorkspace(
        apiTokens,
        f.workspaceId,
        f.userId === undefined ? undefined : eq(apiTokens.userId, f.userId),
        after(newest, f.after),
      ),
    )
    .orderBy(...orderOf(newest))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (row) => ({ at: row.createdAt, id: row.id }));
}

export type ListedToken = Awaited<ReturnType<typeof listTokens>>["rows"][number];
