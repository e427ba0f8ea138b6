// Revokes an API token: from this commit on, a request that carries it is a 401. The row is kept
// (name, role, last use) for the audit trail; revoking twice changes nothing.
import { and, eq } from "drizzle-orm";
import { mayManageToken } from "../../domain/access/tokens.ts";
import { DeskError } from "../../errors.ts";
import { apiTokens } from "../../store/schema/index.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import type { Principal } from "./principal.ts";

export async function revokeToken(uow: UnitOfWork, p: Principal, { id }: { id: string }) {
  const where = and(eq(apiTokens.workspaceId, p.workspaceId), eq(apiTokens.id, id));
  const [token] = await uow.tx.select().from(apiTokens).where(where).for("update");
  // Someone else's token is as unknown as a missing one: its existence is not theirs to learn.
  if (!token || !mayManageToken(p, token)) throw new DeskError("not_found", "no such token");
  if (token.revokedAt !== null) return token;
  const [revoked] = await uow.tx
    .update(apiTokens)
    .set({ revokedAt: uow.now })
    .where(where)
    .returning();
  if (!revoked) throw new Error("the token vanished");
  await uow.record({
    type: "token.revoked",
    data: { token_id: id },
    before: { revoked_at: null },
    after: { revoked_at: uow.now.toISOString() },
  });
  return revoked;
}
