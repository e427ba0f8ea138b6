// Creates a user on behalf of Rapport itself (first start, the CLI, the demo): the same use case as
// an admin adding one through the API (settings/add-user.ts), acted by the given actor.
import type { Role } from "../../domain/access/roles.ts";
import type { Runtime } from "../../runtime.ts";
import type { Actor } from "../events/record-event.ts";
import { runCommand } from "../run-command.ts";
import { addUser } from "../settings/add-user.ts";
import type { Principal } from "./principal.ts";

export type CreateUserInput = {
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  password?: string | undefined;
  languages?: string[] | undefined;
  timeZone?: string | undefined;
};

/** Rapport itself acting as an admin of the workspace, on behalf of `actor`. */
export function systemPrincipal(workspaceId: string, actor: Actor): Principal {
  return {
    workspaceId,
    role: "admin",
    userId: null,
    via: "token",
    csrfToken: null,
    scope: `system:${actor.kind}`,
    actor,
  };
}

export async function createUser(rt: Runtime, input: CreateUserInput, actor: Actor) {
  const { workspaceId, ...user } = input;
  return runCommand(rt, addUser, systemPrincipal(workspaceId, actor), {
    ...user,
    timeZone: user.timeZone ?? null,
  });
}
