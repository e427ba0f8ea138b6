// Records or updates orders by the key of the system they come from, many in one transaction: the
// import and `PUT /api/v1/orders/{external_id}` both run it. Each change is an event on the customer's
// timeline; an order as it already is writes nothing, so importing the same file again changes nothing.
import { eq, or, sql } from "drizzle-orm";
import {
  customerOfOrder,
  type KnownCustomers,
  type OrderImport,
} from "../../domain/orders/import-rows.ts";
import { insertRows } from "../../store/insert-rows.ts";
import { anyOf } from "../../store/queries/any-of.ts";
import { inWorkspace } from "../../store/queries/workspace-scope.ts";
import { customers, orders } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { RowOutcome } from "../customer/import-customers.ts";
import { changesBetween } from "../settings/changes.ts";
import type { AnyNewEvent, UnitOfWork } from "../unit-of-work.ts";

type Order = typeof orders.$inferSelect;

const orderFields = ["customerId", "orderedAt", "amountMinor", "currency", "status"] as const;

const payloadOf = (o: Pick<Order, "id" | "externalId" | (typeof orderFields)[number]>) => ({
  order_id: o.id,
  external_id: o.externalId,
  ordered_at: o.orderedAt.toISOString(),
  amount_minor: o.amountMinor,
  currency: o.currency,
  status: o.status,
});

/**
 * The customers the rows name, by id or by external id: a merged profile's orders go to the one it
 * was merged into.
 */
async function customersOf(uow: UnitOfWork, p: Principal, rows: OrderImport[]) {
  const ids = rows.flatMap((r) => ("id" in r.customer ? [r.customer.id] : []));
  const externalIds = rows.flatMap((r) =>
    "externalId" in r.customer ? [r.customer.externalId] : [],
  );
  const found = await uow.tx
    .select({
      id: customers.id,
      externalId: customers.externalId,
      mergedIntoId: customers.mergedIntoId,
    })
    .from(customers)
    .where(
      inWorkspace(
        customers,
        p.workspaceId,
        or(anyOf(customers.id, ids, "uuid"), anyOf(customers.externalId, externalIds)),
      ),
    );
  return {
    byId: new Map(found.map((c) => [c.id, c.mergedIntoId ?? c.id])),
    byExternalId: new Map(
      found.flatMap((c) => (c.externalId ? [[c.externalId, c.mergedIntoId ?? c.id] as const] : [])),
    ),
  } satisfies KnownCustomers;
}

/** What a batch would write, read with or without row locks. */
async function planOrders(uow: UnitOfWork, p: Principal, rows: OrderImport[], lock: boolean) {
  const { tx, now } = uow;
  const known = await customersOf(uow, p, rows);
  const query = tx
    .select()
    .from(orders)
    .where(
      inWorkspace(
        orders,
        p.workspaceId,
        anyOf(
          orders.externalId,
          rows.map((r) => r.externalId),
        ),
      ),
    )
    .orderBy(orders.id);
  const existing = lock ? await query.for("update") : await query;
  const stored = new Map(existing.map((o) => [o.externalId, o]));

  const outcomes: RowOutcome[] = [];
  const inserts: Order[] = [];
  const updates: Order[] = [];
  const events: AnyNewEvent[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    if (seen.has(row.externalId)) {
      outcomes.push({
        index,
        status: "rejected",
        code: "invalid_input",
        reason: `external_id: "${row.externalId}" twice in one batch`,
      });
      continue;
    }
    seen.add(row.externalId);
    const customer = customerOfOrder(row, known);
    if (!customer.ok) {
      outcomes.push({ index, status: "rejected", code: "not_found", reason: customer.reason });
      continue;
    }
    const customerId = customer.row;
    const values = {
      customerId,
      orderedAt: row.orderedAt,
      amountMinor: row.amountMinor,
      currency: row.currency,
      status: row.status,
    };
    const before = stored.get(row.externalId);
    if (!before) {
      const order: Order = {
        workspaceId: p.workspaceId,
        id: uow.newId(),
        externalId: row.externalId,
        ...values,
        createdAt: now,
        updatedAt: now,
      };
      inserts.push(order);
      events.push({ type: "order.recorded", customerId, data: payloadOf(order) });
      outcomes.push({ index, status: "created", id: order.id });
      continue;
    }
    const changes = changesBetween(before, { ...before, ...values }, orderFields);
    if (!changes) {
      outcomes.push({ index, status: "unchanged", id: before.id });
      continue;
    }
    const order = { ...before, ...values, updatedAt: now };
    updates.push(order);
    events.push({
      type: "order.updated",
      customerId,
      data: { ...payloadOf(order), fields: Object.keys(changes.after) },
      ...changes,
    });
    outcomes.push({ index, status: "updated", id: before.id });
  }

  return { outcomes, inserts, updates, events };
}

/**
 * Most batches only record new orders or change nothing: they are read without locks (a race to
 * record one fails on its unique key and runs again). A batch that changes orders reads them again
 * locked, and decides on what it locked.
 */
export async function recordOrders(
  uow: UnitOfWork,
  p: Principal,
  { rows }: { rows: OrderImport[] },
): Promise<RowOutcome[]> {
  const { tx, now } = uow;
  if (rows.length === 0) return [];
  let plan = await planOrders(uow, p, rows, false);
  if (plan.updates.length > 0) plan = await planOrders(uow, p, rows, true);
  const { outcomes, inserts, updates, events } = plan;
  await insertRows(tx, orders, inserts);
  if (updates.length > 0) {
    const json = JSON.stringify(
      updates.map((o) => ({
        id: o.id,
        customer_id: o.customerId,
        ordered_at: o.orderedAt,
        amount_minor: o.amountMinor,
        currency: o.currency,
        status: o.status,
      })),
    );
    await tx.execute(sql`
      update ${orders} set customer_id = u.customer_id, ordered_at = u.ordered_at,
        amount_minor = u.amount_minor, currency = u.currency, status = u.status, updated_at = ${now}
      from json_populate_recordset(null::orders, ${json}::json) as u
      where ${eq(orders.workspaceId, p.workspaceId)} and ${orders.id} = u.id`);
  }
  await uow.recordAll(events);
  return outcomes;
}
