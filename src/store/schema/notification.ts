// Notifications for the people of the desk (SLA warnings, escalations), shown in the console and mailed.
import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, tenant } from "./columns.ts";
import { users } from "./people.ts";

export const notifications = pgTable(
  "notifications",
  {
    ...tenant,
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    conversationId: uuid("conversation_id"),
    data: jsonb("data").notNull(),
    createdAt: createdAt(),
    readAt: at("read_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("notifications_user_created").on(
      t.workspaceId,
      t.userId,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    foreignKey({
      columns: [t.workspaceId, t.userId],
      foreignColumns: [users.workspaceId, users.id],
    }),
  ],
);
