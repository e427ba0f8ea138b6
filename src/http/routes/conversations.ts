// Conversations: the keyset-paged list, one conversation with its messages, changes, replies and notes.
import { z } from "zod";
import { markBulk } from "../../commands/conversation/mark-bulk.ts";
import { writeMessage } from "../../commands/conversation/post-message.ts";
import { changeConversation } from "../../commands/conversation/update-conversation.ts";
import { decodeCursor, encodeCursor } from "../../commands/cursor.ts";
import { runCommand, runIdempotent } from "../../commands/run-command.ts";
import { markSpam } from "../../commands/spam/mark-spam.ts";
import {
  closeReasons,
  conversationStatuses,
  priorities,
} from "../../domain/conversation/status.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import {
  getConversation,
  listConversations,
  messagesOf,
} from "../../store/queries/conversations.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import {
  assigneeFilter,
  assigneeQuery,
  conversationView,
  messageView,
  page,
  paging,
  presentConversation,
  presentMessage,
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
const withMessages = conversationView.extend({ messages: z.array(messageView) });

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
          bulk: z
            .enum(["true", "false"])
            .optional()
            .describe("`true`: the bulk view (list and bulk mail, owed no answer until said so)"),
          ...paging,
        }),
        response: { 200: page(conversationView), 400: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const { rows, next } = await listConversations(rt.db, {
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
      return {
        items: rows.map((r) => presentConversation(r.conversation, r.customerName)),
        next_cursor: next ? encodeCursor(rt.secret, next) : null,
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
      return {
        ...presentConversation(found.conversation, found.customerName),
        messages: list.map(presentMessage),
      };
    },
  );

  app.patch(
    "/api/v1/conversations/:id",
    {
      schema: {
        summary: "Change status, priority, assignee, team or close reason",
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
        },
      });
      const found = await getConversation(rt.db, p.workspaceId, updated.id);
      return presentConversation(updated, found?.customerName ?? "");
    },
  );

  app.post(
    "/api/v1/conversations/:id/messages",
    {
      schema: {
        summary: "Reply to the customer (sent by mail) or add an internal note",
        tags: ["conversations"],
        params: idParams,
        headers: idempotencyHeader,
        body: z.strictObject({
          kind: z.enum(["reply", "note"]),
          body: z.string().trim().min(1).max(100_000),
          keep_open: z.boolean().optional().describe("after a reply, keep the conversation open"),
        }),
        response: {
          200: messageView.describe("the answer already given to this Idempotency-Key"),
          201: messageView,
          400: problemView,
          404: problemView,
          409: problemView,
          422: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { id } = request.params;
      const b = request.body;
      const input = { conversationId: id, kind: b.kind, body: b.body, keepOpen: b.keep_open };
      const { answer, replayed } = await runIdempotent(rt, writeMessage, p, input, {
        key: request.headers["idempotency-key"],
        request: { method: "POST", path: `conversations/${id}/messages`, body: b },
        answer: ({ message }) => presentMessage({ ...message, attachments: [] }),
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
}
