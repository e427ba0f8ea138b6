// Conversations: the keyset-paged list and its views' counts, one conversation with its messages,
// changes (one or a selection), snoozes, escalation to the manager, replies and notes.
import { z } from "zod";
import {
  changeMany,
  largestSelection,
  type ManyChange,
} from "../../commands/conversation/change-many.ts";
import { escalateConversation } from "../../commands/conversation/escalate.ts";
import { markBulk } from "../../commands/conversation/mark-bulk.ts";
import { messageLimits, writeMessage } from "../../commands/conversation/post-message.ts";
import { snoozeConversation } from "../../commands/conversation/snooze.ts";
import { changeConversation } from "../../commands/conversation/update-conversation.ts";
import { decodeCursor, encodeCursor } from "../../commands/cursor.ts";
import { runCommand, runIdempotent } from "../../commands/run-command.ts";
import { markSpam } from "../../commands/spam/mark-spam.ts";
import {
  closeReasons,
  conversationStatuses,
  priorities,
} from "../../domain/conversation/status.ts";
import { maxTags, normaliseTag } from "../../domain/conversation/tags.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import {
  countCap,
  countViews,
  type InboxView,
  inboxViews,
  rowDetailsOf,
} from "../../store/queries/conversation-views.ts";
import {
  customerNames,
  getConversation,
  listConversations,
  messagesOf,
} from "../../store/queries/conversations.ts";
import { routingStoryOf } from "../../store/queries/routing-story.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import {
  assigneeFilter,
  assigneeQuery,
  conversationRowView,
  conversationView,
  messageView,
  page,
  paging,
  presentConversation,
  presentMessage,
  presentRow,
  problemView,
} from "../schemas/conversation.ts";
import { idempotencyHeader } from "../schemas/idempotency.ts";

const statusList = z
  .string()
  .max(200)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(conversationStatuses)));

const idParams = z.object({ id: z.uuid() });

const newMessageBody = z.strictObject({
  kind: z.enum(["reply", "note"]),
  body: z.string().trim().min(1).max(100_000),
  keep_open: z.boolean().optional().describe("after a reply, keep the conversation open"),
  cc: z
    .array(z.email().max(320))
    .max(messageLimits.cc)
    .optional()
    .describe("addresses the reply is copied to (a reply only)"),
  attachments: z
    .array(
      z.strictObject({
        filename: z.string().trim().min(1).max(255),
        content_type: z
          .string()
          .max(200)
          .regex(/^[\w.+-]+\/[\w.+-]+$/, "a media type such as image/png")
          .default("application/octet-stream"),
        content_base64: z.base64().describe("the file's bytes in base64"),
      }),
    )
    .optional(),
});
const tagQuery = z.string().min(1).max(100).transform(normaliseTag);
const withMessages = conversationView.extend({
  messages: z.array(messageView),
  routing: z
    .looseObject({ code: z.string(), assignee_name: z.string().nullable() })
    .nullable()
    .describe("why it went to whom it did when it opened (the conversation.routed event's data)"),
  escalation: z
    .looseObject({ reason: z.string(), manager_name: z.string() })
    .nullable()
    .describe("the latest escalation to the team's manager, and who asked for it"),
  urgency: z
    .object({ priority: z.string().nullable(), words: z.array(z.string()) })
    .nullable()
    .describe("the customer's words that raised its priority"),
});

export function registerConversationRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/conversations",
    {
      schema: {
        summary: "List conversations, newest activity first (or ranked, with q)",
        tags: ["conversations"],
        querystring: z.strictObject({
          status: statusList.optional().describe("comma-separated statuses"),
          customer_email: z.string().max(320).optional(),
          brand: z.uuid().optional(),
          assignee: assigneeQuery,
          q: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe(
              "full-text search of subjects and message bodies (French and English word forms, " +
                'case and accents folded; every word must match, `"a phrase"`, `or` and `-word` ' +
                "as in web search) or a reference (`K7M2QX9A` or `[#K7M2QX9A]`, listed first). " +
                "With `q`, the list is ranked by relevance (a subject counts twice a body), then " +
                "newest activity; relevance is computed among the newest 500 matching messages (and subjects).",
            ),
          spam: z.enum(["true", "false"]).optional(),
          tag: tagQuery.optional().describe("only conversations carrying this tag"),
          snoozed: z
            .enum(["true", "false"])
            .optional()
            .describe("`true`: only those snoozed now; `false`: none of them (the active views)"),
          bulk: z
            .enum(["true", "false"])
            .optional()
            .describe("`true`: the bulk view (list and bulk mail, owed no answer until said so)"),
          ...paging,
        }),
        response: { 200: page(conversationRowView), 400: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const { rows, next } = await listConversations(rt.db, {
        now: rt.now(),
        tag: q.tag,
        snoozed: q.snoozed === undefined ? undefined : q.snoozed === "true",
        workspaceId: p.workspaceId,
        statuses: q.status,
        customerEmail: q.customer_email,
        brandId: q.brand,
        assigneeId: assigneeFilter(q.assignee, p.userId),
        q: q.q,
        spam: q.spam === undefined ? undefined : q.spam === "true",
        bulk: q.bulk === undefined ? undefined : q.bulk === "true",
        after: q.cursor ? decodeCursor(rt.secret, q.cursor) : undefined,
        limit: q.limit,
      });
      const details = await rowDetailsOf(
        rt.db,
        p.workspaceId,
        rows.map((r) => r.conversation.id),
      );
      return {
        items: rows.map((r) =>
          presentRow(r.conversation, r.customerName, details.get(r.conversation.id)),
        ),
        next_cursor: next ? encodeCursor(rt.secret, next) : null,
      };
    },
  );

  app.get(
    "/api/v1/conversations/counts",
    {
      schema: {
        summary: "How many conversations each inbox view holds (counted up to 1,000)",
        description:
          "The views: `unanswered` (owed a human answer, snoozed or not), `waiting`, `resolved` " +
          "(and closed), `all` (neither spam nor list mail, not snoozed), `snoozed`, `bulk`, " +
          "`spam`. Each count stops at 1,000: `more` says there are more.",
        tags: ["conversations"],
        querystring: z.strictObject({ brand: z.uuid().optional(), assignee: assigneeQuery }),
        response: {
          200: z.object({
            counts: z.record(z.enum(inboxViews), z.number()),
            more: z.record(z.enum(inboxViews), z.boolean()),
          }),
          400: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const counted = await countViews(rt.db, {
        workspaceId: p.workspaceId,
        brandId: request.query.brand,
        assigneeId: assigneeFilter(request.query.assignee, p.userId),
        now: rt.now(),
      });
      const views = Object.entries(counted) as Array<[InboxView, number]>;
      return {
        counts: Object.fromEntries(views.map(([v, n]) => [v, Math.min(n, countCap)])) as Record<
          InboxView,
          number
        >,
        more: Object.fromEntries(views.map(([v, n]) => [v, n > countCap])) as Record<
          InboxView,
          boolean
        >,
      };
    },
  );

  app.post(
    "/api/v1/conversations/changes",
    {
      schema: {
        summary: "Assign, close with a reason or tag a selection of conversations",
        description:
          "Each conversation is changed as one would be (PATCH), in its own transaction: a refusal " +
          "(a close without a human answer and without a reason, say) is reported for that one in " +
          "`items`, with its problem `code`, and the others are changed all the same.",
        tags: ["conversations"],
        body: z
          .strictObject({
            ids: z.array(z.uuid()).min(1).max(largestSelection),
            assignee_id: z.uuid().nullable().optional(),
            status: z.enum(["resolved", "closed"]).optional(),
            close_reason: z.enum(closeReasons).optional(),
            add_tags: z.array(z.string().max(100)).min(1).max(maxTags).optional(),
          })
          .refine(
            (b) =>
              [
                b.assignee_id !== undefined,
                b.status !== undefined,
                b.add_tags !== undefined,
              ].filter(Boolean).length === 1,
            "say one change: assignee_id, status (with close_reason if need be) or add_tags",
          )
          .refine(
            (b) => b.close_reason === undefined || b.status !== undefined,
            "close_reason goes with status",
          ),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                ok: z.boolean(),
                conversation: conversationView.optional(),
                problem: z
                  .object({ code: z.string(), status: z.number(), detail: z.string() })
                  .optional(),
              }),
            ),
          }),
          400: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const change: ManyChange = b.add_tags
        ? { kind: "tag", add: b.add_tags }
        : b.status
          ? { kind: "change", patch: { status: b.status, closeReason: b.close_reason } }
          : { kind: "change", patch: { assigneeId: b.assignee_id } };
      const outcomes = await changeMany(rt, p, b.ids, change);
      const names = await customerNames(rt.db, p.workspaceId, outcomes);
      return {
        items: outcomes.map((o) =>
          o.ok
            ? {
                id: o.id,
                ok: true,
                conversation: presentConversation(o.conversation, names.get(o.id) ?? ""),
              }
            : {
                id: o.id,
                ok: false,
                problem: { code: o.code, status: o.status, detail: o.detail },
              },
        ),
      };
    },
  );
  app.get(
    "/api/v1/conversations/:id",
    {
      schema: {
        summary: "One conversation with its messages, oldest first",
        tags: ["conversations"],
        params: idParams,
        response: { 200: withMessages, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const found = await getConversation(rt.db, p.workspaceId, request.params.id);
      if (!found) throw new DeskError("not_found", "no such conversation");
      const list = await messagesOf(rt.db, p.workspaceId, request.params.id);
      const story = await routingStoryOf(rt.db, p.workspaceId, request.params.id);
      return {
        ...presentConversation(found.conversation, found.customerName),
        messages: list.map(presentMessage),
        ...story,
      };
    },
  );

  app.patch(
    "/api/v1/conversations/:id",
    {
      schema: {
        summary: "Change status, priority, assignee, team, close reason or tags",
        description: "Resolving or closing without a human answer needs a close_reason, else 409.",
        tags: ["conversations"],
        params: idParams,
        body: z
          .strictObject({
            status: z.enum(conversationStatuses).optional(),
            priority: z.enum(priorities).optional(),
            assignee_id: z.uuid().nullable().optional(),
            team_id: z.uuid().nullable().optional(),
            close_reason: z.enum(closeReasons).nullable().optional(),
            tags: z
              .array(z.string().max(100))
              .max(50)
              .optional()
              .describe(`the whole list: normalised (lower case, hyphens), at most ${maxTags}`),
          })
          .refine((b) => Object.keys(b).length > 0, "nothing to change"),
        response: { 200: conversationView, 400: problemView, 404: problemView, 409: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const updated = await runCommand(rt, changeConversation, p, {
        id: request.params.id,
        patch: {
          status: b.status,
          priority: b.priority,
          assigneeId: b.assignee_id,
          teamId: b.team_id,
          closeReason: b.close_reason,
          tags: b.tags,
        },
      });
      const found = await getConversation(rt.db, p.workspaceId, updated.id);
      return presentConversation(updated, found?.customerName ?? "");
    },
  );

  app.post(
    "/api/v1/conversations/:id/messages",
    {
      // Files travel in the JSON as base64: a third more than their bytes, plus the text.
      bodyLimit: Math.ceil((messageLimits.attachmentBytes * 4) / 3) + 512 * 1024,
      schema: {
        summary: "Reply to the customer (sent by mail) or add an internal note",
        description:
          `A reply may be copied to other addresses (\`cc\`, at most ${messageLimits.cc}) and carry ` +
          `files (\`attachments\`, base64, at most ${messageLimits.attachments} and ` +
          `${messageLimits.attachmentBytes / 1024 / 1024} MB together, else 413 ` +
          "`payload_too_large`); both leave with the mail. A note may keep files too.",
        tags: ["conversations"],
        params: idParams,
        headers: idempotencyHeader,
        body: newMessageBody,
        response: {
          200: messageView.describe("the answer already given to this Idempotency-Key"),
          201: messageView,
          400: problemView,
          404: problemView,
          409: problemView,
          413: problemView,
          422: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { id } = request.params;
      const b = request.body;
      const input = {
        conversationId: id,
        kind: b.kind,
        body: b.body,
        keepOpen: b.keep_open,
        cc: b.cc,
        attachments: b.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.content_type,
          content: Buffer.from(a.content_base64, "base64"),
        })),
      };
      const { answer, replayed } = await runIdempotent(rt, writeMessage, p, input, {
        key: request.headers["idempotency-key"],
        request: { method: "POST", path: `conversations/${id}/messages`, body: b },
        answer: ({ message, attachments }) => presentMessage({ ...message, attachments }),
      });
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.post(
    "/api/v1/conversations/:id/spam",
    {
      schema: {
        summary: "Mark a conversation as spam, or as not spam",
        description:
          "The workspace's spam model learns from the mark. Not spam starts the clocks from now and " +
          "sends the acknowledgement the mail did not get.",
        tags: ["conversations"],
        params: idParams,
        body: z.strictObject({ spam: z.boolean() }),
        response: { 200: conversationView, 400: problemView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const marked = await runCommand(rt, markSpam, p, {
        conversationId: request.params.id,
        spam: request.body.spam,
      });
      const found = await getConversation(rt.db, p.workspaceId, marked.id);
      return presentConversation(marked, found?.customerName ?? "");
    },
  );

  app.post(
    "/api/v1/conversations/:id/bulk",
    {
      schema: {
        summary: "File a conversation as list or bulk mail, or say it is owed an answer",
        description:
          "Mail from a list or sent in bulk (List-Id, Precedence: bulk…) opens a conversation in the " +
          "bulk view (`bulk=true`), owed no answer: it is not unanswered and breaches no promise. " +
          "`bulk: false` says it is owed one: its clocks start from now.",
        tags: ["conversations"],
        params: idParams,
        body: z.strictObject({ bulk: z.boolean() }),
        response: { 200: conversationView, 400: problemView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const marked = await runCommand(rt, markBulk, p, {
        conversationId: request.params.id,
        bulk: request.body.bulk,
      });
      const found = await getConversation(rt.db, p.workspaceId, marked.id);
      return presentConversation(marked, found?.customerName ?? "");
    },
  );

  app.post(
    "/api/v1/conversations/:id/snooze",
    {
      schema: {
        summary: "Snooze a conversation until a date",
        description:
          "It leaves the active views (`snoozed=false`) until `until` or the customer's next " +
          "message, whichever comes first. Its clocks run on: the unanswered watch still lists it " +
          "while it is owed an answer.",
        tags: ["conversations"],
        params: idParams,
        body: z.strictObject({ until: z.iso.datetime({ offset: true }) }),
        response: { 200: conversationView, 400: problemView, 404: problemView, 409: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const snoozed = await runCommand(rt, snoozeConversation, p, {
        conversationId: request.params.id,
        until: new Date(request.body.until),
      });
      const found = await getConversation(rt.db, p.workspaceId, snoozed.id);
      return presentConversation(snoozed, found?.customerName ?? "");
    },
  );

  app.post(
    "/api/v1/conversations/:id/escalate",
    {
      schema: {
        summary: "Give a conversation to its team's manager",
        description:
          "The manager of the conversation's team (else its brand's team) becomes its assignee; " +
          "the customer gets an automated notice naming them. Asking again changes nothing. 409 " +
          "when the team has no active manager.",
        tags: ["conversations"],
        params: idParams,
        response: { 200: conversationView, 404: problemView, 409: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const escalated = await runCommand(rt, escalateConversation, p, {
        conversationId: request.params.id,
      });
      const found = await getConversation(rt.db, p.workspaceId, escalated.id);
      return presentConversation(escalated, found?.customerName ?? "");
    },
  );

  app.delete(
    "/api/v1/conversations/:id/snooze",
    {
      schema: {
        summary: "Wake a snoozed conversation now",
        tags: ["conversations"],
        params: idParams,
        response: { 200: conversationView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const woken = await runCommand(rt, snoozeConversation, p, {
        conversationId: request.params.id,
        until: null,
      });
      const found = await getConversation(rt.db, p.workspaceId, woken.id);
      return presentConversation(woken, found?.customerName ?? "");
    },
  );
}
