// Orders a customer placed in the shop or system they come from: what they are worth to us.
import {
  bigint,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, pagedAt, tenant, updatedAt } from "./columns.ts";
import { customers } from "./customer.ts";

export const orders = pgTable(
  "orders",
  {
    ...tenant,
    customerId: uuid("customer_id").notNull(),
    /** The order's key in the system it comes from: imports and the API upsert by it. */
    externalId: text("external_id").notNull(),
    orderedAt: pagedAt("ordered_at").notNull(),
    /** In the currency's minor unit (cents); never a float. */
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    /** ISO 4217, upper case. */
    currency: text("currency").notNull(),
    status: text("status").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("orders_external_id").on(t.workspaceId, t.externalId),
    // A customer's orders, newest first (the list and the value's aggregates read it).
    index("orders_customer_ordered").on(
      t.workspaceId,
      t.customerId,
      t.orderedAt.desc(),
      t.id.desc(),
    ),
    foreignKey({
      name: "orders_customer_fk",
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
  ],
);
