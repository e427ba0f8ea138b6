// Columns every tenant table shares: the workspace it belongs to, its id, and its timestamps.
import { timestamp, uuid } from "drizzle-orm/pg-core";

export const tenant = {
  workspaceId: uuid("workspace_id").notNull(),
  id: uuid("id").notNull(),
};

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
export const at = (name: string) => timestamp(name, { withTimezone: true });
