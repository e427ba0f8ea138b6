// Changes a team: an admin changes anything; the team's own manager renames it and sets its members.
import { and, eq } from "drizzle-orm";
import { mayUpdateTeam } from "../../domain/access/policies.ts";
import { DeskError } from "../../errors.ts";
import { getTeam } from "../../store/queries/settings.ts";
import { teams } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { changesBetween, presentFields } from "./changes.ts";
import type { TeamFields } from "./create-team.ts";
import { checkManager, checkMembers, replaceMembers } from "./team-people.ts";

export async function updateTeam(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: Partial<TeamFields> },
) {
  const { tx, now } = uow;
  const ws = and(eq(teams.workspaceId, p.workspaceId), eq(teams.id, id));
  await tx.select({ id: teams.id }).from(teams).where(ws).for("update");
  const before = await getTeam(tx, p.workspaceId, id);
  if (!before) throw new DeskError("not_found", "no such team");
  if (!mayUpdateTeam(p, before, patch)) {
    throw new DeskError(
      "forbidden",
      p.role === "manager"
        ? "a manager changes the name and members of the teams they manage, not their manager"
        : `changing a team needs the admin role, or to be its manager; you act as ${p.role}`,
    );
  }
  const next = { ...before, ...presentFields(patch) };
  if (patch.managerId && patch.managerId !== before.managerId) {
    await checkManager(tx, p.workspaceId, patch.managerId);
  }
  if (patch.memberIds) next.memberIds = await checkMembers(tx, p.workspaceId, patch.memberIds);
  const changes = changesBetween(before, next, ["name", "managerId", "memberIds"]);
  if (!changes) return before;
  const [after] = await tx
    .update(teams)
    .set({ name: next.name, managerId: next.managerId, updatedAt: now })
    .where(ws)
    .returning();
  if (!after) throw new Error("the team vanished");
  if (changes.after.memberIds) await replaceMembers(tx, p.workspaceId, id, next.memberIds);
  await uow.record({
    type: "team.updated",
    data: { team_id: id },
    ...changes,
  });
  return { ...after, memberIds: next.memberIds };
}
