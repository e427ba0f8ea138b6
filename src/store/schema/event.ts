// The append-only timeline and audit trail, and the idempotency record of API writes.
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tenant } from "./columns.ts";
import { workspaces } from "./workspace.ts";

export const actorKinds = ["user", "token", "customer", "system"] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Who did what, when, with the state before and after. Never updated, never deleted. */
export const events = pgTable(
  "events",
  {
    ...tenant,
    type: text("type").notNull(),
    actorKind: text("actor_kind", { enum: actorKinds }).notNull(),
    actorId: uuid("actor_id"),
    conversationId: uuid("conversation_id"),
    customerId: uuid("customer_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    data: jsonb("data"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // No key to workspaces: events are an append-only log written several times per message, and
    // each key check would lock the one workspace row; they are only read within their workspace.
    index("events_customer").on(t.workspaceId, t.customerId, t.createdAt.desc(), t.id.desc()),
    index("events_conversation").on(t.workspaceId, t.conversationId, t.createdAt),
  ],
);

/** The first answer to a write sent with an Idempotency-Key, replayed for 24 hours. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    workspaceId: uuid("workspace_id").notNull(),
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.scope, t.key] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    index("idempotency_keys_created").on(t.createdAt),
  ],
);
