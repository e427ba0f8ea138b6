// Conversations, their messages and attachments: the heart of the desk.
import { and, eq, sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  authorKinds,
  deliveryStates,
  messageDirections,
} from "../../domain/conversation/message-kinds.ts";
import {
  channels,
  closeReasons,
  conversationStatuses,
  priorities,
} from "../../domain/conversation/status.ts";
import type { Mood } from "../../domain/mood/mood.ts";
import { brands } from "./brand.ts";
import { at, createdAt, pagedAt, tenant, updatedAt } from "./columns.ts";
import { customers } from "./customer.ts";
import { teams, users } from "./people.ts";
import { tsvector } from "./search.ts";
import { watchDue, watchMinute, watchUrgency } from "./watch-key.ts";

/**
 * An open conversation that is not spam: what the workload report counts, written as a literal so
 * that PostgreSQL matches it with the partial index `conversations_open_load` whatever the plan.
 */
export const openLoadCondition = sql`status in ('new', 'open', 'waiting_customer', 'waiting_third_party') and not spam`;

export const conversations = pgTable(
  "conversations",
  {
    ...tenant,
    reference: text("reference").notNull(),
    brandId: uuid("brand_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    subject: text("subject").notNull().default(""),
    status: text("status", { enum: conversationStatuses }).notNull().default("new"),
    priority: text("priority", { enum: priorities }).notNull().default("normal"),
    assigneeId: uuid("assignee_id"),
    teamId: uuid("team_id"),
    closeReason: text("close_reason", { enum: closeReasons }),
    /** The closed conversation this one follows, or the one a stranger's mail pointed at. */
    linkedConversationId: uuid("linked_conversation_id"),
    spam: boolean("spam").notNull().default(false),
    spamScore: real("spam_score"),
    /** Opened by list or bulk mail: in its own view, owed no answer until an advisor says it is. */
    bulk: boolean("bulk").notNull().default(false),
    flags: jsonb("flags").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** True once a human answer stands (docs/CONTRACT.md §6); `awaitingSince` says whether one is owed now. */
    answered: boolean("answered").notNull().default(false),
    /** Commit time of the oldest customer message still waiting for a human answer. */
    awaitingSince: at("awaiting_since"),
    /** No clock starts before this instant (set when a mail is moved out of Spam). */
    clockFloorAt: at("clock_floor_at"),
    firstHumanAnswerAt: at("first_human_answer_at"),
    // The unanswered view pages by these: kept to the millisecond like every paged time.
    firstResponseDueAt: pagedAt("first_response_due_at"),
    nextResponseDueAt: pagedAt("next_response_due_at"),
    resolutionDueAt: at("resolution_due_at"),
    /** When the current wait on the customer began: the resolution clock stands still since. */
    pausedSince: at("paused_since"),
    /** Business minutes of the ended waits on the customer, added to the resolution time. */
    pausedBusinessMinutes: doublePrecision("paused_business_minutes").notNull().default(0),
    /** Which SLA alerts were already raised for the current wait ("warn_assignee", "warn_manager", "breach"). */
    slaAlerts: jsonb("sla_alerts").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** When the sweep must look at this conversation next (the next SLA alert); null when none is due. */
    slaNextAlertAt: at("sla_next_alert_at"),
    /** The first-response time promised when the conversation opened (kept for the charter). */
    promisedFirstResponseAt: at("promised_first_response_at"),
    /** Set aside by an advisor until then; a customer message after `snoozedAt` wakes it earlier. */
    snoozedUntil: at("snoozed_until"),
    snoozedAt: at("snoozed_at"),
    /** Normalised labels (domain/conversation/tags.ts), filterable through a GIN index. */
    tags: jsonb("tags").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Whom the response was last escalated to (the manager warned by the SLA sweep). */
    escalatedToId: uuid("escalated_to_id"),
    /** The customer's rating (CONTRACT §8 `csat`): 1–5, set once, from the portal or a survey. */
    csatScore: smallint("csat_score"),
    csatComment: text("csat_comment"),
    csatAt: at("csat_at"),
    messageCount: integer("message_count").notNull().default(0),
    lastCustomerMessageAt: at("last_customer_message_at"),
    lastActivityAt: pagedAt("last_activity_at").notNull().defaultNow(),
    resolvedAt: at("resolved_at"),
    closedAt: at("closed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** The subject's words for full-text search, kept by PostgreSQL itself. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`rapport_search_vector(subject)`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("conversations_reference").on(t.workspaceId, t.reference),
    index("conversations_activity").on(t.workspaceId, t.lastActivityAt.desc(), t.id.desc()),
    index("conversations_status_activity").on(
      t.workspaceId,
      t.status,
      t.lastActivityAt.desc(),
      t.id.desc(),
    ),
    index("conversations_customer_activity").on(
      t.workspaceId,
      t.customerId,
      t.lastActivityAt.desc(),
      t.id.desc(),
    ),
    index("conversations_assignee_activity").on(
      t.workspaceId,
      t.assigneeId,
      t.lastActivityAt.desc(),
      t.id.desc(),
    ),
    index("conversations_brand_activity").on(
      t.workspaceId,
      t.brandId,
      t.lastActivityAt.desc(),
      t.id.desc(),
    ),
    // The Spam view is a small share of the desk: its own index keeps it from scanning the rest.
    index("conversations_spam_activity")
      .on(t.workspaceId, t.lastActivityAt.desc(), t.id.desc())
      .where(sql`spam`),
    // So is list and bulk mail's view.
    index("conversations_bulk_activity")
      .on(t.workspaceId, t.lastActivityAt.desc(), t.id.desc())
      .where(sql`bulk`),
    index("conversations_search").using("gin", t.searchVector),
    index("conversations_tags").using("gin", t.tags),
    // Few conversations are snoozed at a time: the Snoozed view and its count read only those.
    index("conversations_snoozed")
      .on(t.workspaceId, t.snoozedUntil)
      .where(sql`snoozed_until is not null`),
    index("conversations_first_due").on(t.workspaceId, t.firstResponseDueAt),
    index("conversations_next_due").on(t.workspaceId, t.nextResponseDueAt),
    index("conversations_sla_alert").on(t.slaNextAlertAt),
    index("conversations_resolved").on(t.resolvedAt).where(sql`status = 'resolved'`),
    // The retention sweep reads the closed conversations not yet erased (flag "erased"), oldest first.
    index("conversations_closed_kept")
      .on(t.closedAt)
      .where(sql`status = 'closed' and not flags ? 'erased'`),
    // The unanswered watch in its order (schema/watch-key.ts): minute due, urgency, due time, id.
    index("conversations_unanswered")
      .on(t.workspaceId, watchMinute, watchUrgency, watchDue, t.id)
      .where(sql`awaiting_since is not null and not spam and status not in ('resolved', 'closed')`),
    // One advisor's share of the watch, in the watch's order, and of each status: "only mine" reads
    // these instead of walking (and sorting) every conversation the advisor ever held.
    index("conversations_unanswered_assignee")
      .on(t.workspaceId, t.assigneeId, watchMinute, watchUrgency, watchDue, t.id)
      .where(sql`awaiting_since is not null and not spam and status not in ('resolved', 'closed')`),
    index("conversations_assignee_status").on(t.workspaceId, t.assigneeId, t.status),
    // One advisor's Spam tab: counted among those few rows, not among every conversation the
    // advisor ever held (307 ms at a million conversations without it; Lists & bulk is fast
    // through conversations_bulk_activity).
    index("conversations_spam_assignee").on(t.workspaceId, t.assigneeId).where(sql`spam`),
    // The workload report counts the open conversations per advisor and team from this index
    // alone (an index-only scan), without reading the closed majority of the desk.
    // A customer's glance counts their conversations and finds the first from this index alone.
    index("conversations_customer_facts")
      .on(t.workspaceId, t.customerId, t.status, t.createdAt)
      .where(sql`not spam`),
    // (drizzle-kit writes no INCLUDE: the columns it reads are keys after the grouping ones.)
    index("conversations_open_load")
      .on(
        t.workspaceId,
        t.assigneeId,
        t.teamId,
        t.awaitingSince,
        t.firstResponseDueAt,
        t.nextResponseDueAt,
        t.slaAlerts,
      )
      .where(openLoadCondition),
    index("conversations_created").on(t.workspaceId, t.brandId, t.createdAt),
    // No key to workspaces here: the brand's key already implies it, and every intake would
    // otherwise lock the one workspace row again.
    foreignKey({
      columns: [t.workspaceId, t.brandId],
      foreignColumns: [brands.workspaceId, brands.id],
    }),
    foreignKey({
      name: "conversations_customer_fk",
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.assigneeId],
      foreignColumns: [users.workspaceId, users.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.teamId],
      foreignColumns: [teams.workspaceId, teams.id],
    }),
  ],
);

export const messages = pgTable(
  "messages",
  {
    ...tenant,
    conversationId: uuid("conversation_id").notNull(),
    direction: text("direction", { enum: messageDirections }).notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    authorKind: text("author_kind", { enum: authorKinds }).notNull(),
    authorUserId: uuid("author_user_id"),
    authorCustomerId: uuid("author_customer_id"),
    /**
     * The customer identity an inbound message was resolved through: what an undone merge sends
     * back to the profile that identity came from. No key: an identity may be removed later.
     */
    authorIdentityId: uuid("author_identity_id"),
    authorName: text("author_name").notNull().default(""),
    authorEmail: text("author_email"),
    /** The copies of a reply (Cc), addresses as the advisor gave them. */
    cc: jsonb("cc").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** True for acknowledgements, notices and alerts: never a human answer. */
    automated: boolean("automated").notNull().default(false),
    /** Likely spam: kept, but never acknowledged and never awaited. */
    spam: boolean("spam").notNull().default(false),
    spamScore: real("spam_score"),
    spamReasons: jsonb("spam_reasons")
      .$type<Array<{ rule: string; points: number; detail: string }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The mood of a customer's message, read at intake with the words that made it (domain/mood). */
    mood: jsonb("mood").$type<Mood>(),
    /** A logged call or visit that answered the customer counts as a human answer. */
    answering: boolean("answering").notNull().default(false),
    subject: text("subject").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    bodyHtml: text("body_html"),
    externalId: text("external_id"),
    /** Decides "the same message again": unique per workspace for inbound messages. */
    dedupeKey: text("dedupe_key"),
    inReplyTo: text("in_reply_to"),
    references: jsonb("references").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    delivery: text("delivery", { enum: deliveryStates }),
    deliveryError: text("delivery_error"),
    deliveredAt: at("delivered_at"),
    flags: jsonb("flags").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    rawBlobKey: text("raw_blob_key"),
    createdAt: createdAt(),
    /**
     * The body's words for full-text search: rapport_search_vector(body_text), filled after the
     * message's transaction by the search indexer (jobs/index-search.ts), so the intake's commit
     * does not pay for it; null until then (search reads such a message's body directly).
     */
    searchVector: tsvector("search_vector"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("messages_conversation").on(t.workspaceId, t.conversationId, t.createdAt),
    // Search ranks the newest matches of a common word: read in this order, not all of them.
    index("messages_created").on(t.workspaceId, t.createdAt.desc()),
    // The workload report counts each advisor's answers of a period from this index alone, not
    // from every message of the period (9,600 heap reads for a week at a million conversations).
    index("messages_human_answers")
      .on(t.workspaceId, t.createdAt, t.authorUserId, t.conversationId, t.delivery)
      .where(sql`direction = 'outbound' and author_kind = 'user' and not automated`),
    index("messages_search").using("gin", t.searchVector),
    // The messages the search indexer has still to index: few, found without reading the others.
    index("messages_unindexed").on(t.workspaceId, t.id).where(sql`search_vector is null`),
    index("messages_external_id").on(t.workspaceId, t.externalId),
    // A merge moves (and its undo moves back) the messages a customer wrote, wherever they are.
    index("messages_author_customer").on(t.workspaceId, t.authorCustomerId),
    uniqueIndex("messages_dedupe").on(t.workspaceId, t.dedupeKey),
    foreignKey({
      name: "messages_conversation_fk",
      columns: [t.workspaceId, t.conversationId],
      foreignColumns: [conversations.workspaceId, conversations.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.authorUserId],
      foreignColumns: [users.workspaceId, users.id],
    }),
    foreignKey({
      name: "messages_author_customer_fk",
      columns: [t.workspaceId, t.authorCustomerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
  ],
);

/** Attachment metadata; the bytes live in the blob store under `blobKey`. */
export const attachments = pgTable(
  "attachments",
  {
    ...tenant,
    messageId: uuid("message_id").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    blobKey: text("blob_key").notNull(),
    contentId: text("content_id"),
    inline: boolean("inline").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("attachments_message").on(t.workspaceId, t.messageId),
    foreignKey({
      columns: [t.workspaceId, t.messageId],
      foreignColumns: [messages.workspaceId, messages.id],
    }),
  ],
);

/** The join of a message to its conversation, within their workspace (keys carry workspace_id). */
export const messageInConversation = and(
  eq(conversations.workspaceId, messages.workspaceId),
  eq(conversations.id, messages.conversationId),
);
