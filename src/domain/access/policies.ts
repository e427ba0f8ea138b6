// Who may change what in the settings, as small pure predicates: admins change settings, a
// manager changes the team they manage, and a workspace always keeps one active admin.
import type { Role } from "./roles.ts";

/** The one acting, as the policies see them: a role, and the user acted for (if any). */
export type Acting = { role: Role; userId: string | null };

/** Brands, users, calendars, SLA policies, canned answers and new teams: admins only. */
export function mayChangeSettings(acting: Acting): boolean {
  return acting.role === "admin";
}

/**
 * An admin changes any team. A manager changes the name and members of a team they manage
 * (acting as themselves, not through an unbound token), but does not hand it to someone else.
 */
export function mayUpdateTeam(
  acting: Acting,
  team: { managerId: string | null },
  change: { managerId?: string | null | undefined },
): boolean {
  if (acting.role === "admin") return true;
  if (acting.role !== "manager" || acting.userId === null) return false;
  if (team.managerId !== acting.userId) return false;
  return change.managerId === undefined || change.managerId === team.managerId;
}

/** A team's named manager: an active manager or admin (the escalation point customers are told of). */
export function mayLeadTeam(user: { role: Role; active: boolean }): boolean {
  return user.active && (user.role === "manager" || user.role === "admin");
}

/**
 * True when changing `user` to `next` would leave the workspace without an active admin:
 * `activeAdminIds` are the active admins before the change. Only the change of an active
 * admin can do that.
 */
export function leavesNoActiveAdmin(
  activeAdminIds: readonly string[],
  user: { id: string },
  next: { role: Role; active: boolean },
): boolean {
  if (!activeAdminIds.includes(user.id)) return false;
  if (next.role === "admin" && next.active) return false;
  return activeAdminIds.every((id) => id === user.id);
}

/** Organisations (their domains, advisor, backup and partner manager): managers and admins. */
export function mayChangeOrganisations(acting: Acting): boolean {
  return acting.role === "admin" || acting.role === "manager";
}
