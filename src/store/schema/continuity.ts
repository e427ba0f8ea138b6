// The human answers as the continuity report counts them, each with what it is judged against now:
// its conversation's team, spam flag and customer, that customer's advisor and backup. Kept by
// triggers (migration 0020) whoever writes — a message, a conversation's team, spam or customer (a
// merge, its undo), a customer's advisor or backup — so the report reads one table through one time
// index instead of two primary-key reads per answered conversation. `id` is the message's.
import { boolean, foreignKey, index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { at, tenant } from "./columns.ts";
import { messages } from "./conversation.ts";

export const continuityAnswers = pgTable(
  "continuity_answers",
  {
    ...tenant,
    conversationId: uuid("conversation_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    answeredAt: at("answered_at").notNull(),
    authorUserId: uuid("author_user_id").notNull(),
    teamId: uuid("team_id"),
    spam: boolean("spam").notNull(),
    advisorId: uuid("advisor_id"),
    backupId: uuid("backup_id"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("continuity_answers_answered").on(t.workspaceId, t.answeredAt),
    // What a conversation's or a customer's change rewrites.
    index("continuity_answers_conversation").on(t.workspaceId, t.conversationId),
    index("continuity_answers_customer").on(t.workspaceId, t.customerId),
    foreignKey({
      name: "continuity_answers_message_fk",
      columns: [t.workspaceId, t.id],
      foreignColumns: [messages.workspaceId, messages.id],
    }).onDelete("cascade"),
  ],
);
