// Changes a customer's profile (name, preferences, notes, important dates, advisor and backup,
// organisation), with an event holding the values before and after.
import { and, eq } from "drizzle-orm";
import type { Channel } from "../../domain/conversation/status.ts";
import type { Language } from "../../domain/language.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { getProfile } from "../../store/queries/customers.ts";
import { customers, type ImportantDate } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { changesBetween, presentFields } from "../settings/changes.ts";
import { referencedOrganisation, referencedUser } from "../settings/guards.ts";
import type { UnitOfWork } from "../unit-of-work.ts";

export type CustomerPatch = Partial<{
  name: string;
  preferredLanguage: Language | null;
  timeZone: string | null;
  preferredChannel: Channel | null;
  notes: string;
  importantDates: ImportantDate[];
  advisorId: string | null;
  backupId: string | null;
  organisationId: string | null;
}>;

const profileFields = [
  "name",
  "preferredLanguage",
  "timeZone",
  "preferredChannel",
  "notes",
  "importantDates",
  "advisorId",
  "backupId",
  "organisationId",
] as const;

/** A customer's advisor or backup: an active user of the workspace. */
async function checkAdvisor(tx: Tx, workspaceId: string, id: string, field: string) {
  const user = await referencedUser(tx, workspaceId, id, field);
  if (!user.active) throw new DeskError("invalid_input", `${field}: ${user.name} is inactive`);
}

export async function lockCustomer(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)))
    .for("update");
  if (!row) throw new DeskError("not_found", "no such customer");
  if (row.mergedIntoId) {
    throw new DeskError(
      "conflict",
      `this profile was merged into the customer ${row.mergedIntoId}: change that one`,
    );
  }
  return row;
}

export async function updateCustomer(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: CustomerPatch },
) {
  const { tx, now } = uow;
  const before = await lockCustomer(tx, p.workspaceId, id);
  const next = { ...before, ...presentFields(patch) };
  if (next.advisorId && next.advisorId === next.backupId) {
    throw new DeskError(
      "invalid_input",
      "backup_id: the backup must be another user than the advisor",
    );
  }
  if (patch.advisorId && patch.advisorId !== before.advisorId) {
    await checkAdvisor(tx, p.workspaceId, patch.advisorId, "advisor_id");
  }
  if (patch.backupId && patch.backupId !== before.backupId) {
    await checkAdvisor(tx, p.workspaceId, patch.backupId, "backup_id");
  }
  if (patch.organisationId && patch.organisationId !== before.organisationId) {
    await referencedOrganisation(tx, p.workspaceId, patch.organisationId, "organisation_id");
  }
  const changes = changesBetween(before, next, profileFields);
  if (changes) {
    await tx
      .update(customers)
      .set({
        name: next.name,
        preferredLanguage: next.preferredLanguage,
        timeZone: next.timeZone,
        preferredChannel: next.preferredChannel,
        notes: next.notes,
        importantDates: next.importantDates,
        advisorId: next.advisorId,
        backupId: next.backupId,
        organisationId: next.organisationId,
        updatedAt: now,
      })
      .where(and(eq(customers.workspaceId, p.workspaceId), eq(customers.id, id)));
    await uow.record({
      type: "customer.updated",
      customerId: id,
      ...changes,
    });
  }
  const profile = await getProfile(tx, p.workspaceId, id);
  if (!profile) throw new Error("the customer vanished");
  return profile;
}
