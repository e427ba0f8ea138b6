// Outbound webhooks: the subscriptions (their secret sealed), one delivery per (subscription,
// event) — its unique key makes each event go out once —, every attempt of it for the log, and
// where the dispatcher stands in each workspace's events.
import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { brands } from "./brand.ts";
import { at, createdAt, pagedAt, tenant, updatedAt } from "./columns.ts";
import { workspaces } from "./workspace.ts";

export const webhookDeliveryStatuses = ["pending", "delivered", "failed", "abandoned"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

export const webhooks = pgTable(
  "webhooks",
  {
    ...tenant,
    url: text("url").notNull(),
    /** The event types sent to it (domain/webhooks/webhook-events.ts). */
    events: jsonb("events").$type<string[]>().notNull(),
    description: text("description").notNull().default(""),
    /** Only the events of this brand's conversations and customers; null: every brand's. */
    brandId: uuid("brand_id"),
    enabled: boolean("enabled").notNull().default(true),
    /** Why it was disabled (by Rapport after failing, or by an admin), until re-enabled. */
    disabledReason: text("disabled_reason"),
    disabledAt: at("disabled_at"),
    /** The signing secret, sealed (store/sealed-box.ts, purpose "webhook-secret", bound to the id). */
    secretSealed: text("secret_sealed").notNull(),
    /** Events from this instant on are sent to it: its creation, or when it was last re-enabled. */
    receivingSince: pagedAt("receiving_since").notNull().defaultNow(),
    /** The first failed attempt since the last success (domain/webhooks/delivery-policy.ts). */
    failingSince: at("failing_since"),
    lastAttemptAt: at("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastSucceeded: boolean("last_succeeded"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      name: "webhooks_brand_fk",
      columns: [t.workspaceId, t.brandId],
      foreignColumns: [brands.workspaceId, brands.id],
    }),
    index("webhooks_created").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    // What the dispatcher reads every pass: the workspaces that have a subscription to serve.
    index("webhooks_enabled").on(t.workspaceId).where(sql`${t.enabled}`),
  ],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    ...tenant,
    webhookId: uuid("webhook_id").notNull(),
    /** The public event delivered (its feed id), or the delivery's own id for a test ping. */
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    /** The body sent on every attempt ({type, timestamp, data}); emptied once it is finished. */
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: webhookDeliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at"),
    createdAt: createdAt(),
    finishedAt: at("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      name: "webhook_deliveries_webhook_fk",
      columns: [t.workspaceId, t.webhookId],
      foreignColumns: [webhooks.workspaceId, webhooks.id],
    }).onDelete("cascade"),
    // Each event goes to each subscription once, whichever node dispatches it, however often.
    uniqueIndex("webhook_deliveries_once").on(t.workspaceId, t.webhookId, t.eventId),
  ],
);

/** One attempt of a delivery, for the log: what the receiver answered and how long it took. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    ...tenant,
    webhookId: uuid("webhook_id").notNull(),
    deliveryId: uuid("delivery_id").notNull(),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    /** Why it failed, in words that name no secret (a refused address, a timeout, a status). */
    error: text("error"),
    nextAttemptAt: at("next_attempt_at"),
    createdAt: pagedAt("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      name: "webhook_attempts_delivery_fk",
      columns: [t.workspaceId, t.deliveryId],
      foreignColumns: [webhookDeliveries.workspaceId, webhookDeliveries.id],
    }).onDelete("cascade"),
    uniqueIndex("webhook_attempts_once").on(t.workspaceId, t.deliveryId, t.attempt),
    index("webhook_attempts_log").on(t.workspaceId, t.webhookId, t.createdAt.desc(), t.id.desc()),
  ],
);

/** Where the dispatcher stands in a workspace's events: the newest one it handed out. */
export const webhookCursors = pgTable(
  "webhook_cursors",
  {
    workspaceId: uuid("workspace_id").notNull().primaryKey(),
    lastEventId: uuid("last_event_id").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] })],
);
