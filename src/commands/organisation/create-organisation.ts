// Creates an organisation (managers and admins): its mail domains, partner status, and the advisor,
// backup and partner manager its customers' new conversations go to.
import { organisations } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { snapshotOf } from "../settings/changes.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import {
  checkPeople,
  claimDomains,
  type OrganisationFields,
  organisationFields,
  requireOrganisationRole,
} from "./organisation-checks.ts";

export async function createOrganisation(
  uow: UnitOfWork,
  p: Principal,
  input: Pick<OrganisationFields, "name"> & Partial<OrganisationFields>,
) {
  requireOrganisationRole(p);
  const { tx, now } = uow;
  const id = uow.newId();
  const fields: OrganisationFields = {
    name: input.name,
    domains: input.domains ?? [],
    isPartner: input.isPartner ?? false,
    partnerManagerId: input.partnerManagerId ?? null,
    advisorId: input.advisorId ?? null,
    backupId: input.backupId ?? null,
    notes: input.notes ?? "",
  };
  await checkPeople(tx, p.workspaceId, null, fields);
  fields.domains = await claimDomains(tx, p.workspaceId, fields.domains, id);
  const [organisation] = await tx
    .insert(organisations)
    .values({ workspaceId: p.workspaceId, id, ...fields, createdAt: now, updatedAt: now })
    .returning();
  if (!organisation) throw new Error("insert returned no organisation");
  await uow.record({
    type: "organisation.created",
    data: { organisation_id: id, name: organisation.name },
    after: { id, ...snapshotOf(organisation, organisationFields) },
  });
  return organisation;
}
