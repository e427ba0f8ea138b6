// The API's view of conversations and messages (docs/CONTRACT.md §4): Zod schemas and the presenters that fill them.
import { z } from "zod";
import {
  authorKinds,
  deliveryStates,
  messageDirections,
} from "../../domain/conversation/message-kinds.ts";
import { owesAnswer, snoozeEnd } from "../../domain/conversation/owed.ts";
import {
  channels,
  closeReasons,
  conversationStatuses,
  priorities,
} from "../../domain/conversation/status.ts";
import { DeskError } from "../../errors.ts";
import type { RowDetails } from "../../store/queries/conversation-views.ts";
import type { attachments, conversations, messages } from "../../store/schema/index.ts";
import { moodView, presentMood } from "./mood.ts";

const iso = z.string().describe("ISO-8601 UTC");
const isoOrNull = iso.nullable();
const toIso = (d: Date | null) => (d ? d.toISOString() : null);

/** A customer's rating of a finished conversation (CONTRACT §8, Surveys). */
export const csatView = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  at: iso,
});

/** The rating as the API shows it, or null when none was given. */
export const presentCsat = (c: {
  csatScore: number | null;
  csatComment: string | null;
  csatAt: Date | null;
}): z.infer<typeof csatView> | null =>
  c.csatScore !== null && c.csatAt !== null
    ? { score: c.csatScore, comment: c.csatComment, at: c.csatAt.toISOString() }
    : null;

export const conversationView = z.object({
  id: z.string(),
  reference: z.string().describe("shown to customers as [#REFERENCE]"),
  brand_id: z.string(),
  customer_id: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }),
  channel: z.enum(channels),
  subject: z.string(),
  status: z.enum(conversationStatuses),
  priority: z.enum(priorities),
  assignee_id: z.string().nullable(),
  team_id: z.string().nullable(),
  close_reason: z.enum(closeReasons).nullable(),
  linked_conversation_id: z.string().nullable(),
  spam: z.boolean(),
  bulk: z
    .boolean()
    .describe("opened by list or bulk mail: owed no answer until an advisor says it is"),
  flags: z.array(z.string()),
  answered: z
    .boolean()
    .describe("a human answer was given at least once; `owed_answer` says whether one is owed now"),
  owed_answer: z
    .boolean()
    .describe(
      "a customer message waits for a human answer (not spam, not list mail, not resolved or " +
        "closed): what the unanswered watch lists, snoozed or not",
    ),
  awaiting_answer_since: isoOrNull.describe(
    "the oldest customer message still owed a human answer",
  ),
  first_response_due_at: isoOrNull,
  next_response_due_at: isoOrNull,
  resolution_due_at: isoOrNull,
  snoozed_until: isoOrNull.describe(
    "out of the active views until then; null when not snoozed or woken by the customer's message",
  ),
  tags: z.array(z.string()),
  csat: csatView
    .nullable()
    .describe("the customer's rating of the conversation once finished (1–5), from the portal"),
  message_count: z.number(),
  created_at: iso,
  updated_at: iso,
  last_activity_at: iso,
});

const named = z.object({ id: z.string(), name: z.string() }).nullable();

/** A conversation as a list row shows it: who holds it, whom it was escalated to, how it ends. */
export const conversationRowView = conversationView.extend({
  assignee: named,
  team: named,
  escalated_to: named.describe("the manager the SLA sweep last warned about this conversation"),
  preview: z
    .string()
    .describe("the opening words of the newest reply or customer message, plain text"),
});

export function presentRow(
  c: ConversationRow,
  customerName: string,
  details: RowDetails | undefined,
): z.infer<typeof conversationRowView> {
  return {
    ...presentConversation(c, customerName),
    assignee: details?.assignee ?? null,
    team: details?.team ?? null,
    escalated_to: details?.escalatedTo ?? null,
    preview: details?.preview ?? "",
  };
}

export const attachmentView = z.object({
  id: z.string(),
  filename: z.string(),
  content_type: z.string(),
  size: z.number(),
});

export const messageView = z.object({
  id: z.string(),
  conversation_id: z.string(),
  direction: z.enum(messageDirections),
  channel: z.enum(channels),
  author: z.object({
    kind: z.enum(authorKinds),
    id: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable().optional(),
  }),
  cc: z.array(z.string()).describe("the addresses a reply was copied to"),
  automated: z.boolean(),
  subject: z.string(),
  body_text: z.string(),
  body_html: z.string().nullable().describe("sanitised; left out (null) of a truncated message"),
  truncated: z
    .boolean()
    .describe("the body is too large to show whole: `body_text` is cut, `raw_url` has it all"),
  raw_url: z
    .string()
    .nullable()
    .describe("the mail as received (`message/rfc822`, a download), for mail only"),
  external_id: z.string().nullable().describe("the Message-ID for mail"),
  delivery: z.enum(deliveryStates).nullable(),
  delivery_error: z.string().nullable(),
  spam: z.boolean(),
  spam_score: z.number().nullable(),
  spam_reasons: z
    .array(z.object({ rule: z.string(), points: z.number(), detail: z.string() }))
    .describe("why this message is thought to be spam"),
  flags: z.array(z.string()),
  attachments: z.array(attachmentView),
  mood: moodView,
  created_at: iso,
});

// Search vectors are never read back (lists leave them in the database).
type ConversationRow = Omit<typeof conversations.$inferSelect, "searchVector">;
type MessageRow = Omit<typeof messages.$inferSelect, "searchVector"> & {
  attachments: Array<typeof attachments.$inferSelect>;
  /** The body was cut for showing (store/queries/conversations.ts, shownBodyLength). */
  bodyTruncated?: boolean;
};

export function presentConversation(
  c: ConversationRow,
  customerName: string,
): z.infer<typeof conversationView> {
  return {
    id: c.id,
    reference: c.reference,
    brand_id: c.brandId,
    customer_id: c.customerId,
    customer: { id: c.customerId, name: customerName },
    channel: c.channel,
    subject: c.subject,
    status: c.status,
    priority: c.priority,
    assignee_id: c.assigneeId,
    team_id: c.teamId,
    close_reason: c.closeReason,
    linked_conversation_id: c.linkedConversationId,
    spam: c.spam,
    bulk: c.bulk,
    flags: c.flags,
    answered: c.answered,
    owed_answer: owesAnswer(c),
    awaiting_answer_since: toIso(c.awaitingSince),
    first_response_due_at: toIso(c.firstResponseDueAt),
    next_response_due_at: toIso(c.nextResponseDueAt),
    resolution_due_at: toIso(c.resolutionDueAt),
    snoozed_until: toIso(snoozeEnd(c)),
    tags: c.tags,
    csat: presentCsat(c),
    message_count: c.messageCount,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
    last_activity_at: c.lastActivityAt.toISOString(),
  };
}

export function presentMessage(m: MessageRow): z.infer<typeof messageView> {
  const authorId = m.authorKind === "customer" ? m.authorCustomerId : m.authorUserId;
  return {
    id: m.id,
    conversation_id: m.conversationId,
    direction: m.direction,
    channel: m.channel,
    author: { kind: m.authorKind, id: authorId, name: m.authorName, email: m.authorEmail },
    cc: m.cc,
    automated: m.automated,
    subject: m.subject,
    body_text: m.bodyText,
    body_html: m.bodyHtml,
    truncated: m.bodyTruncated ?? false,
    raw_url: m.rawBlobKey ? `/api/v1/messages/${m.id}/raw` : null,
    external_id: m.externalId,
    delivery: m.delivery,
    delivery_error: m.deliveryError,
    spam: m.spam,
    spam_score: m.spamScore,
    spam_reasons: m.spamReasons,
    flags: m.flags,
    mood: presentMood(m.mood),
    attachments: m.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      content_type: a.contentType,
      size: a.size,
    })),
    created_at: m.createdAt.toISOString(),
  };
}

/** The common list envelope. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });

/** `limit` 1–100 (default 25) and an opaque `cursor`. */
export const paging = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

/** Problem documents, for the OpenAPI description of error answers. */
export const problemView = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string(),
  /** For invalid input: every problem found, each at its place in the request. */
  errors: z
    .array(
      z.looseObject({
        where: z.string(),
        path: z.string(),
        message: z.string(),
        code: z
          .string()
          .optional()
          .describe(
            "what is wrong, for a client to say in its language: required, too_long, too_short, " +
              "too_many, too_few, too_large, too_small, invalid_format, invalid_choice, " +
              "invalid_type, invalid_characters, unknown_field, invalid, or a rule's own code",
          ),
        limit: z.number().optional().describe("the bound crossed: a length, a count or a value"),
      }),
    )
    .optional(),
});

/** `assignee`: a user id, or `me` for the user acting (a token bound to nobody cannot say `me`). */
export const assigneeQuery = z.union([z.literal("me"), z.uuid()]).optional();

export function assigneeFilter(
  value: string | undefined,
  userId: string | null,
): string | undefined {
  if (value !== "me") return value;
  if (!userId)
    throw new DeskError(
      "invalid_input",
      "assignee=me needs a user: this token is not bound to one",
    );
  return userId;
}
