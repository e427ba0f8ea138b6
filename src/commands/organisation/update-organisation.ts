// Changes an organisation (managers and admins): what the patch gives, with an event saying what it
// was before and after; a patch that changes nothing writes nothing.
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { organisations } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { changesBetween, presentFields } from "../settings/changes.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import {
  checkPeople,
  claimDomains,
  type OrganisationFields,
  organisationFields,
  requireOrganisationRole,
} from "./organisation-checks.ts";

export async function updateOrganisation(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: Partial<OrganisationFields> },
) {
  requireOrganisationRole(p);
  const { tx, now } = uow;
  const ws = and(eq(organisations.workspaceId, p.workspaceId), eq(organisations.id, id));
  const [before] = await tx.select().from(organisations).where(ws).for("update");
  if (!before) throw new DeskError("not_found", "no such organisation");
  const next = { ...before, ...presentFields(patch) };
  await checkPeople(tx, p.workspaceId, before, next);
  if (patch.domains) next.domains = await claimDomains(tx, p.workspaceId, patch.domains, id);
  const changes = changesBetween(before, next, organisationFields);
  if (!changes) return before;
  const [after] = await tx
    .update(organisations)
    .set({
      name: next.name,
      domains: next.domains,
      isPartner: next.isPartner,
      partnerManagerId: next.partnerManagerId,
      advisorId: next.advisorId,
      backupId: next.backupId,
      notes: next.notes,
      updatedAt: now,
    })
    .where(ws)
    .returning();
  if (!after) throw new Error("the organisation vanished");
  await uow.record({
    type: "organisation.updated",
    data: { organisation_id: id, name: after.name },
    ...changes,
  });
  return after;
}
