// The workspace (the tenant every row belongs to) and instance-wide settings.
import { integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.ts";

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  /** Likely spam is kept this many days, then purged. */
  spamRetentionDays: integer("spam_retention_days").notNull().default(30),
  /** Closed conversations older than this many days are erased by a sweep; null keeps them. */
  closedRetentionDays: integer("closed_retention_days"),
  createdAt: createdAt(),
});

/** The spam model of a workspace: learnt only from its advisors' spam / not-spam marks. */
export const spamModels = pgTable("spam_models", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  model: jsonb("model").notNull(),
  updatedAt: updatedAt(),
});

/** Instance-wide values shared by every node, such as the generated secret. */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
});
