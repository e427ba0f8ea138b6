// Creates an API token: the secret is returned once and only its SHA-256 is stored.
import { and, eq } from "drizzle-orm";
import type { Role } from "../../domain/access/roles.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { apiTokens, users } from "../../store/schema/index.ts";
import { type Actor, recordEvent } from "../events/record-event.ts";
import { newSecretToken, sha256 } from "./secrets.ts";

export type CreateTokenInput = {
  workspaceId: string;
  name: string;
  role: Role;
  /** Binds the token to this user: it then acts as them. */
  userEmail?: string | undefined;
};

export async function createToken(rt: Runtime, input: CreateTokenInput, actor: Actor) {
  const token = newSecretToken("rpt");
  return rt.db.transaction(async (tx) => {
    let userId: string | null = null;
    if (input.userEmail) {
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.workspaceId, input.workspaceId),
            eq(users.email, input.userEmail.toLowerCase()),
          ),
        );
      if (!user) throw new DeskError("not_found", `no user with the email ${input.userEmail}`);
      userId = user.id;
    }
    const id = rt.newId();
    await tx.insert(apiTokens).values({
      workspaceId: input.workspaceId,
      id,
      name: input.name,
      role: input.role,
      userId,
      tokenHash: sha256(token),
    });
    await recordEvent(tx, {
      workspaceId: input.workspaceId,
      id: rt.newId(),
      at: rt.now(),
      type: "token.created",
      actor,
      after: { id, name: input.name, role: input.role, user_id: userId },
    });
    return { id, token };
  });
}
