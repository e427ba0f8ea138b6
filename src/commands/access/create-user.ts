// Creates a user on behalf of Rapport itself (first start, the CLI, the demo): the same use case as
// an admin adding one through the API (settings/add-user.ts), acted by the given actor.
import type { Role } from "../../domain/access/roles.ts";
import type { Runtime } from "../../runtime.ts";
import type { Actor } from "../events/record-event.ts";
import { runCommand } from "../run-command.ts";
import { addUser } from "../settings/add-user.ts";
import { systemPrincipal } from "./principal.ts";

export type CreateUserInput = {
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  password?: string | undefined;
  languages?: string[] | undefined;
  timeZone?: string | undefined;
};

export async function createUser(rt: Runtime, input: CreateUserInput, actor: Actor) {
  const { workspaceId, ...user } = input;
  return runCommand(rt, addUser, systemPrincipal(workspaceId, actor), {
    ...user,
    timeZone: user.timeZone ?? null,
  });
}
