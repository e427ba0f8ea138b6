// Transfers of a conversation from one person to another: asked, then accepted, declined or cancelled.
import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { transferStatuses } from "../../domain/conversation/transfer.ts";
import { at, createdAt, tenant } from "./columns.ts";
import { conversations } from "./conversation.ts";
import { users } from "./people.ts";

export const conversationTransfers = pgTable(
  "conversation_transfers",
  {
    ...tenant,
    conversationId: uuid("conversation_id").notNull(),
    /** Who held the conversation when the transfer was asked (they stay accountable until accepted). */
    fromId: uuid("from_id"),
    toId: uuid("to_id").notNull(),
    /** Who asked (the holder, or a manager moving someone else's conversation). */
    requestedById: uuid("requested_by_id"),
    reason: text("reason").notNull(),
    status: text("status", { enum: transferStatuses }).notNull().default("pending"),
    decidedById: uuid("decided_by_id"),
    /** Why it was declined (required then) or cancelled. */
    decisionReason: text("decision_reason"),
    decidedAt: at("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // One pending transfer per conversation at most: a second is refused (409) until it is decided.
    uniqueIndex("conversation_transfers_one_pending")
      .on(t.workspaceId, t.conversationId)
      .where(sql`status = 'pending'`),
    index("conversation_transfers_conversation").on(t.workspaceId, t.conversationId, t.createdAt),
    // "Transfers to accept": a person's pending ones, newest first.
    index("conversation_transfers_to_pending")
      .on(t.workspaceId, t.toId, t.createdAt.desc(), t.id.desc())
      .where(sql`status = 'pending'`),
    // The continuity report counts the transfers asked in a period.
    index("conversation_transfers_created").on(t.workspaceId, t.createdAt),
    foreignKey({
      name: "conversation_transfers_conversation_fk",
      columns: [t.workspaceId, t.conversationId],
      foreignColumns: [conversations.workspaceId, conversations.id],
    }),
    foreignKey({
      name: "conversation_transfers_from_fk",
      columns: [t.workspaceId, t.fromId],
      foreignColumns: [users.workspaceId, users.id],
    }),
    foreignKey({
      name: "conversation_transfers_to_fk",
      columns: [t.workspaceId, t.toId],
      foreignColumns: [users.workspaceId, users.id],
    }),
  ],
);
