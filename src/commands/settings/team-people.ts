// The people a team names: its manager (an active manager or admin) and its members (users of the workspace).
import { and, eq, inArray } from "drizzle-orm";
import { mayLeadTeam } from "../../domain/access/policies.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { teamMembers, users } from "../../store/schema/index.ts";
import { referencedUser } from "./guards.ts";

export async function checkManager(tx: Tx, workspaceId: string, managerId: string): Promise<void> {
  const manager = await referencedUser(tx, workspaceId, managerId, "manager_id");
  if (!mayLeadTeam(manager)) {
    throw new DeskError(
      "invalid_input",
      `manager_id: ${manager.name} is ${manager.active ? `an ${manager.role}` : "inactive"}; a team's manager is an active manager or admin`,
    );
  }
}

/** Without repeats, each a user of the workspace (else 400 naming the unknown ones). */
export async function checkMembers(
  tx: Tx,
  workspaceId: string,
  memberIds: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(memberIds)];
  if (wanted.length === 0) return [];
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, wanted)));
  const unknown = wanted.filter((id) => !found.some((u) => u.id === id));
  if (unknown.length > 0) {
    throw new DeskError("invalid_input", `member_ids: no user with the id ${unknown.join(", ")}`);
  }
  return wanted.sort();
}

export async function replaceMembers(
  tx: Tx,
  workspaceId: string,
  teamId: string,
  memberIds: readonly string[],
): Promise<void> {
  await tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.teamId, teamId)));
  if (memberIds.length > 0) {
    await tx
      .insert(teamMembers)
      .values(memberIds.map((userId) => ({ workspaceId, teamId, userId })));
  }
}
