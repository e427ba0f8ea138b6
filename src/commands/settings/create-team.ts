// Creates a team with its named manager (the escalation point) and its members: admins only.
import { teams } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { requireSettingsRole } from "./guards.ts";
import { checkManager, checkMembers, replaceMembers } from "./team-people.ts";

export type TeamFields = { name: string; managerId: string; memberIds: string[] };

export async function createTeam(
  uow: UnitOfWork,
  p: Principal,
  input: Pick<TeamFields, "name" | "managerId"> & Partial<TeamFields>,
) {
  requireSettingsRole(p);
  const { tx, now } = uow;
  await checkManager(tx, p.workspaceId, input.managerId);
  const memberIds = await checkMembers(tx, p.workspaceId, input.memberIds ?? []);
  const [team] = await tx
    .insert(teams)
    .values({
      workspaceId: p.workspaceId,
      id: uow.newId(),
      name: input.name,
      managerId: input.managerId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!team) throw new Error("insert returned no team");
  await replaceMembers(tx, p.workspaceId, team.id, memberIds);
  await uow.record({
    type: "team.created",
    after: { id: team.id, name: team.name, managerId: team.managerId, memberIds },
  });
  return { ...team, memberIds };
}
