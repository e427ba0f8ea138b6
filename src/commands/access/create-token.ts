// Creates an API token on behalf of Rapport itself (the CLI, tests): the same use case as a person
// making one through the API (add-token.ts), acted by the given actor.
import type { Role } from "../../domain/access/roles.ts";
import type { Runtime } from "../../runtime.ts";
import type { Actor } from "../events/record-event.ts";
import { runCommand } from "../run-command.ts";
import { addToken } from "./add-token.ts";
import { systemPrincipal } from "./principal.ts";

export type CreateTokenInput = {
  workspaceId: string;
  name: string;
  role: Role;
  /** Binds the token to this user: it then acts as them. */
  userEmail?: string | undefined;
  expiresAt?: Date | undefined;
};

export async function createToken(rt: Runtime, input: CreateTokenInput, actor: Actor) {
  const { workspaceId, ...token } = input;
  const { row, token: secret } = await runCommand(
    rt,
    addToken,
    systemPrincipal(workspaceId, actor),
    token,
  );
  return { id: row.id, token: secret };
}
