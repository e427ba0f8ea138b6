// GET /api/v1/unanswered: every conversation still owed a human answer (snoozed ones too: the
// promise stands), the least time left first, then the most urgent among those due the same minute.
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../commands/cursor.ts";
import type { Runtime } from "../../runtime.ts";
import { rowDetailsOf } from "../../store/queries/conversation-views.ts";
import { listUnanswered } from "../../store/queries/unanswered.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import {
  assigneeFilter,
  assigneeQuery,
  conversationRowView,
  page,
  paging,
  presentRow,
  problemView,
} from "../schemas/conversation.ts";

const unansweredView = conversationRowView.extend({
  due_at: z
    .string()
    .nullable()
    .describe("the running response clock's due time; null while paused"),
  minutes_left: z
    .number()
    .nullable()
    .describe("wall-clock minutes to the due time; negative when overdue"),
});

export function registerUnansweredRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/unanswered",
    {
      schema: {
        summary:
          "The unanswered watch: conversations owed a human answer, ordered by time left then urgency",
        description:
          "Ordered by the minute the running clock is due, then priority (urgent, high, normal, low), then the due time and id; conversations without a running clock come last.",
        tags: ["conversations"],
        querystring: z.strictObject({
          brand: z.uuid().optional(),
          assignee: assigneeQuery,
          ...paging,
        }),
        response: { 200: page(unansweredView), 400: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const { rows, next } = await listUnanswered(rt.db, {
        workspaceId: p.workspaceId,
        brandId: q.brand,
        assigneeId: assigneeFilter(q.assignee, p.userId),
        after: q.cursor ? decodeCursor(rt.secret, q.cursor) : undefined,
        limit: q.limit,
      });
      const now = rt.now().getTime();
      const details = await rowDetailsOf(
        rt.db,
        p.workspaceId,
        rows.map((r) => r.conversation.id),
      );
      return {
        items: rows.map((r) => ({
          ...presentRow(r.conversation, r.customerName, details.get(r.conversation.id)),
          due_at: r.dueAt?.toISOString() ?? null,
          minutes_left: r.dueAt ? Math.floor((r.dueAt.getTime() - now) / 60_000) : null,
        })),
        next_cursor: next ? encodeCursor(rt.secret, next) : null,
      };
    },
  );
}
