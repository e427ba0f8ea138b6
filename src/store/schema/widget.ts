// Chat widget visitors: the signed id a browser keeps, the brand whose widget issued it, the
// conversation its messages go to, and when its widget's stream was last heard of (any node).
import { foreignKey, index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { brands } from "./brand.ts";
import { at, createdAt, tenant } from "./columns.ts";
import { conversations } from "./conversation.ts";

export const widgetVisitors = pgTable(
  "widget_visitors",
  {
    ...tenant,
    brandId: uuid("brand_id").notNull(),
    /** The conversation the visitor's next message continues; null before the first one. */
    conversationId: uuid("conversation_id"),
    /** Set while a widget stream is open (refreshed every 20 s), cleared when it closes. */
    streamSeenAt: at("stream_seen_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // An advisor's reply asks whether the conversation's visitor is connected.
    index("widget_visitors_conversation").on(t.workspaceId, t.conversationId),
    foreignKey({
      name: "widget_visitors_brand_fk",
      columns: [t.workspaceId, t.brandId],
      foreignColumns: [brands.workspaceId, brands.id],
    }),
    foreignKey({
      name: "widget_visitors_conversation_fk",
      columns: [t.workspaceId, t.conversationId],
      foreignColumns: [conversations.workspaceId, conversations.id],
    }),
  ],
);
