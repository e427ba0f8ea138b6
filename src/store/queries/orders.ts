// Reading orders: a customer's orders newest first (keyset-paged), and their totals per currency and
// status, which the customer's value is computed from (domain/orders/value.ts).
import { eq, sql } from "drizzle-orm";
import type { OrderTotals } from "../../domain/orders/value.ts";
import type { Db, Tx } from "../database.ts";
import { orders } from "../schema/index.ts";
import { after, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

export type Order = typeof orders.$inferSelect;

const ordersNewest: Keyset = { at: orders.orderedAt, id: orders.id };

export async function ordersOf(
  db: Db,
  workspaceId: string,
  customerId: string,
  page: { after?: Position | undefined; limit: number },
) {
  const rows = await db
    .select()
    .from(orders)
    .where(
      inWorkspace(
        orders,
        workspaceId,
        eq(orders.customerId, customerId),
        after(ordersNewest, page.after),
      ),
    )
    .orderBy(...orderOf(ordersNewest))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (o) => ({ at: o.orderedAt, id: o.id }));
}

export async function getOrder(db: Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(inWorkspace(orders, workspaceId, eq(orders.id, id)));
  return row ?? null;
}

/** A customer's orders summed per currency and status: a few rows, whatever their number. */
export async function orderTotalsOf(
  db: Db,
  workspaceId: string,
  customerId: string,
): Promise<OrderTotals[]> {
  return db
    .select({
      currency: orders.currency,
      status: orders.status,
      count: sql<number>`count(*)`.mapWith(Number),
      amountMinor: sql<number>`sum(${orders.amountMinor})`.mapWith(Number),
      firstAt: sql<Date>`min(${orders.orderedAt})`.mapWith(orders.orderedAt),
      lastAt: sql<Date>`max(${orders.orderedAt})`.mapWith(orders.orderedAt),
    })
    .from(orders)
    .where(inWorkspace(orders, workspaceId, eq(orders.customerId, customerId)))
    .groupBy(orders.currency, orders.status);
}
