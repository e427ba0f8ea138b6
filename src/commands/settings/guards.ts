// Checks the settings commands share: the actor may change settings, and the rows an input
// refers to exist in the same workspace (else the input is invalid, 400).
import { and, eq } from "drizzle-orm";
import { mayChangeSettings } from "../../domain/access/policies.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { brands, calendars, organisations, teams, users } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";

export function requireSettingsRole(p: Principal): void {
  if (!mayChangeSettings(p)) {
    throw new DeskError(
      "forbidden",
      `changing settings needs the admin role; you act as ${p.role}`,
    );
  }
}

export { isUniqueViolation } from "../../store/unique-violation.ts";

export async function referencedUser(tx: Tx, workspaceId: string, id: string, field: string) {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  if (!row) throw new DeskError("invalid_input", `${field}: no user with the id ${id}`);
  return row;
}

export async function referencedBrand(tx: Tx, workspaceId: string, id: string, field: string) {
  const [row] = await tx
    .select({ id: brands.id })
    .from(brands)
    .where(and(eq(brands.workspaceId, workspaceId), eq(brands.id, id)));
  if (!row) throw new DeskError("invalid_input", `${field}: no brand with the id ${id}`);
  return row;
}

export async function referencedCalendar(tx: Tx, workspaceId: string, id: string, field: string) {
  const [row] = await tx
    .select({ id: calendars.id })
    .from(calendars)
    .where(and(eq(calendars.workspaceId, workspaceId), eq(calendars.id, id)));
  if (!row) throw new DeskError("invalid_input", `${field}: no calendar with the id ${id}`);
  return row;
}

export async function referencedTeam(tx: Tx, workspaceId: string, id: string, field: string) {
  const [row] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)));
  if (!row) throw new DeskError("invalid_input", `${field}: no team with the id ${id}`);
  return row;
}

export async function referencedOrganisation(
  tx: Tx,
  workspaceId: string,
  id: string,
  field: string,
) {
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.workspaceId, workspaceId), eq(organisations.id, id)));
  if (!row) throw new DeskError("invalid_input", `${field}: no organisation with the id ${id}`);
  return row;
}
