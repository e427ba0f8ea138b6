// One customer created or updated by their external id (`PUT /api/v1/customers/by-external-id/…`):
// the import's command on a batch of one, its refusal a problem that rolls everything back.
import type { CustomerImport } from "../../domain/orders/import-rows.ts";
import { DeskError } from "../../errors.ts";
import { getProfile } from "../../store/queries/customers.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { importCustomers } from "./import-customers.ts";

export async function upsertCustomer(uow: UnitOfWork, p: Principal, row: CustomerImport) {
  const [outcome] = await importCustomers(uow, p, { rows: [row] });
  if (!outcome) throw new Error("the import answered nothing for its row");
  if (outcome.status === "rejected") throw new DeskError(outcome.code, outcome.reason);
  const profile = await getProfile(uow.tx, p.workspaceId, outcome.id);
  if (!profile) throw new Error("the customer vanished");
  return { created: outcome.status === "created", profile };
}
