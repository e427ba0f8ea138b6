// Changes a user's profile, role or password. The last active admin cannot be demoted or
// deactivated, nor a team's manager until the team has another (409); a new password ends the
// user's console sessions.
import { and, eq } from "drizzle-orm";
import { leavesNoActiveAdmin, mayLeadTeam } from "../../domain/access/policies.ts";
import { DeskError } from "../../errors.ts";
import { sessions, teams, users } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { hashPassword } from "../access/secrets.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import {
  assertEmailFree,
  checkedSchedule,
  emailConflict,
  type UserFields,
  userFields,
} from "./add-user.ts";
import { changesBetween } from "./changes.ts";
import { requireSettingsRole } from "./guards.ts";

export async function updateUser(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: Partial<UserFields> },
) {
  requireSettingsRole(p);
  const passwordHash = patch.password ? await hashPassword(patch.password) : null;
  try {
    const { tx, now } = uow;
    const ws = eq(users.workspaceId, p.workspaceId);
    // The active admins first, in a fixed order, so that two demotions cannot both pass.
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(ws, eq(users.role, "admin"), eq(users.active, true)))
      .orderBy(users.id)
      .for("update");
    const [before] = await tx
      .select()
      .from(users)
      .where(and(ws, eq(users.id, id)))
      .for("update");
    if (!before) throw new DeskError("not_found", "no such user");
    const next = { ...before };
    if (patch.email !== undefined) next.email = patch.email.trim().toLowerCase();
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.role !== undefined) next.role = patch.role;
    if (patch.languages !== undefined) next.languages = patch.languages;
    if (patch.timeZone !== undefined) next.timeZone = patch.timeZone;
    if (patch.capacity !== undefined) next.capacity = patch.capacity;
    if (patch.active !== undefined) next.active = patch.active;
    if (patch.outOfOffice !== undefined) {
      next.outOfOfficeFrom = patch.outOfOffice?.from ?? null;
      next.outOfOfficeUntil = patch.outOfOffice?.until ?? null;
    }
    if (patch.schedule !== undefined || patch.timeZone !== undefined) {
      const schedule = patch.schedule !== undefined ? patch.schedule : before.schedule;
      next.schedule = checkedSchedule(schedule, next.timeZone);
    }
    if (
      leavesNoActiveAdmin(
        admins.map((a) => a.id),
        before,
        next,
      )
    ) {
      throw new DeskError(
        "conflict",
        `${before.name} is the last active admin: name another admin before demoting or deactivating them`,
      );
    }
    if (mayLeadTeam(before) && !mayLeadTeam(next)) {
      const led = await tx
        .select({ name: teams.name })
        .from(teams)
        .where(and(eq(teams.workspaceId, p.workspaceId), eq(teams.managerId, id)));
      if (led.length > 0) {
        throw new DeskError(
          "conflict",
          `${before.name} manages ${led.map((t) => t.name).join(", ")}: name another manager for ${led.length > 1 ? "these teams" : "this team"} first`,
        );
      }
    }
    if (next.email !== before.email) await assertEmailFree(tx, p.workspaceId, next.email, id);
    const changes = changesBetween(before, next, userFields);
    if (!changes && passwordHash === null) return before;
    const [after] = await tx
      .update(users)
      .set({
        email: next.email,
        name: next.name,
        role: next.role,
        languages: next.languages,
        timeZone: next.timeZone,
        schedule: next.schedule,
        outOfOfficeFrom: next.outOfOfficeFrom,
        outOfOfficeUntil: next.outOfOfficeUntil,
        capacity: next.capacity,
        active: next.active,
        ...(passwordHash !== null ? { passwordHash } : {}),
        updatedAt: now,
      })
      .where(and(ws, eq(users.id, id)))
      .returning();
    if (!after) throw new Error("the user vanished");
    if (passwordHash !== null) {
      await tx
        .delete(sessions)
        .where(and(eq(sessions.workspaceId, p.workspaceId), eq(sessions.userId, id)));
    }
    await uow.record({
      type: "user.updated",
      data: { user_id: id, password_changed: passwordHash !== null },
      before: changes?.before ?? {},
      after: changes?.after ?? {},
    });
    return after;
  } catch (error) {
    throw emailConflict(error);
  }
}
