// Columns every tenant table shares: the workspace it belongs to, its id, and its timestamps.
import { timestamp, uuid } from "drizzle-orm/pg-core";

export const tenant = {
  workspaceId: uuid("workspace_id").notNull(),
  id: uuid("id").notNull(),
};

// Times that lists page by are kept to the millisecond, the precision a JavaScript Date and so a
// cursor carries: keyset conditions then compare the raw columns, and their indexes serve them.
export const pagedAt = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const createdAt = () => pagedAt("created_at").notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
export const at = (name: string) => timestamp(name, { withTimezone: true });
