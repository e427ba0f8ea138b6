// One order recorded or updated by its external id (`PUT /api/v1/orders/…`): the import's command on
// a batch of one, its refusal a problem that rolls everything back.
import type { OrderImport } from "../../domain/orders/import-rows.ts";
import { DeskError } from "../../errors.ts";
import { getOrder } from "../../store/queries/orders.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { recordOrders } from "./record-orders.ts";

export async function upsertOrder(uow: UnitOfWork, p: Principal, row: OrderImport) {
  const [outcome] = await recordOrders(uow, p, { rows: [row] });
  if (!outcome) throw new Error("the import answered nothing for its row");
  if (outcome.status === "rejected") throw new DeskError(outcome.code, outcome.reason);
  const order = await getOrder(uow.tx, p.workspaceId, outcome.id);
  if (!order) throw new Error("the order vanished");
  return { created: outcome.status === "created", order };
}
