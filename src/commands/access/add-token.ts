// Creates an API token: the secret is answered once and only its SHA-256 is stored. Admins make any
// token; anyone else only tokens bound to themselves. A token never gets more than the role of who
// makes it, nor, when bound, than its user's.
import { and, eq } from "drizzle-orm";
import { type Role, roleAtLeast } from "../../domain/access/roles.ts";
import { mayGrantRole, mayManageToken } from "../../domain/access/tokens.ts";
import { DeskError } from "../../errors.ts";
import { apiTokens, users } from "../../store/schema/index.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import type { Principal } from "./principal.ts";
import { newSecretToken, sha256 } from "./secrets.ts";

export type NewToken = {
  name: string;
  role: Role;
  /** Binds the token to this user (by id or by email): it then acts as them. */
  userId?: string | null | undefined;
  userEmail?: string | undefined;
  /** After this instant the token no longer works; never when unset. */
  expiresAt?: Date | null | undefined;
};

export async function addToken(uow: UnitOfWork, p: Principal, input: NewToken) {
  const { tx, now } = uow;
  const ws = eq(users.workspaceId, p.workspaceId);
  const byUser = input.userEmail
    ? eq(users.email, input.userEmail.trim().toLowerCase())
    : input.userId
      ? eq(users.id, input.userId)
      : null;
  const [user] = byUser
    ? await tx
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          role: users.role,
          active: users.active,
        })
        .from(users)
        .where(and(ws, byUser))
    : [];
  if (byUser && !user) {
    throw new DeskError(
      "invalid_input",
      `user: no user ${input.userEmail ? `with the email ${input.userEmail}` : `with the id ${input.userId}`}`,
    );
  }
  const userId = user?.id ?? null;
  if (!mayManageToken(p, { userId })) {
    throw new DeskError("forbidden", "only admins make tokens for others or bound to nobody");
  }
  if (!roleAtLeast(p.role, input.role)) {
    throw new DeskError(
      "forbidden",
      `you act as ${p.role}: a token cannot be given more (${input.role})`,
    );
  }
  if (user && !user.active) throw new DeskError("invalid_input", `user: ${user.email} is disabled`);
  if (!mayGrantRole(input.role, user ?? null)) {
    throw new DeskError(
      "invalid_input",
      `role: a token bound to ${user?.email} cannot exceed their role (${user?.role})`,
    );
  }
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw new DeskError("invalid_input", "expires_at: must be in the future");
  }
  const token = newSecretToken("rpt");
  const [row] = await tx
    .insert(apiTokens)
    .values({
      workspaceId: p.workspaceId,
      id: uow.newId(),
      name: input.name,
      role: input.role,
      userId,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: input.expiresAt ?? null,
    })
    .returning();
  if (!row) throw new Error("the token was not stored");
  await uow.record({
    type: "token.created",
    data: { token_id: row.id },
    after: {
      id: row.id,
      name: row.name,
      role: row.role,
      user_id: userId,
      expires_at: row.expiresAt?.toISOString() ?? null,
    },
  });
  return { row, user: user ?? null, token };
}
