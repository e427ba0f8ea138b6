// What a merge of two customers moved (so that its undo is exact), and the identities a customer was
// seen with that belong to another one (evidence for merge suggestions).

import type { PgColumn } from "drizzle-orm/pg-core";
import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, tenant } from "./columns.ts";
import { customers, identityKinds } from "./customer.ts";
import { actorKinds } from "./event.ts";

/** A key from a tenant table's column to the customer it names. */
const customerKey = (name: string, workspaceId: PgColumn, customerId: PgColumn) =>
  foreignKey({
    name,
    columns: [workspaceId, customerId],
    foreignColumns: [customers.workspaceId, customers.id],
  });

/** The ids each customer reference held when `other` was merged into `customer`, by table.column. */
export type MovedRows = Record<string, string[]>;

export const customerMerges = pgTable(
  "customer_merges",
  {
    ...tenant,
    /** The surviving profile. */
    customerId: uuid("customer_id").notNull(),
    /** The profile merged into it (its `merged_into_id` points at `customerId` until an undo). */
    otherId: uuid("other_id").notNull(),
    actorKind: text("actor_kind", { enum: actorKinds }).notNull(),
    actorId: uuid("actor_id"),
    moved: jsonb("moved").$type<MovedRows>().notNull(),
    /** Set by the undo (once: a second undo is refused). */
    undoneAt: at("undone_at"),
    undoneByKind: text("undone_by_kind", { enum: actorKinds }),
    undoneById: uuid("undone_by_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("customer_merges_customer").on(t.workspaceId, t.customerId, t.createdAt.desc()),
    index("customer_merges_other").on(t.workspaceId, t.otherId, t.createdAt.desc()),
    customerKey("customer_merges_customer_fk", t.workspaceId, t.customerId),
    customerKey("customer_merges_other_fk", t.workspaceId, t.otherId),
  ],
);

/**
 * An identity a customer's message carried that another customer holds (a form sent from one
 * address with the phone number of another profile): one row per customer and identity.
 */
export const identitySightings = pgTable(
  "identity_sightings",
  {
    ...tenant,
    customerId: uuid("customer_id").notNull(),
    kind: text("kind", { enum: identityKinds }).notNull(),
    value: text("value").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("identity_sightings_customer").on(t.workspaceId, t.customerId, t.kind, t.value),
    index("identity_sightings_value").on(t.workspaceId, t.kind, t.value),
    customerKey("identity_sightings_customer_fk", t.workspaceId, t.customerId),
  ],
);
