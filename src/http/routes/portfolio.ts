// GET /api/v1/my-customers: the customers I am the advisor or the backup of, newest first, each with
// the conversations owed a human answer (who is waiting, and the time left).
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../commands/cursor.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { listPortfolio, waitingOf } from "../../store/queries/portfolio.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { page, paging, problemView } from "../schemas/conversation.ts";

const portfolioView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(["advisor", "backup"]).describe("what I am to this customer"),
  waiting: z
    .array(
      z.object({
        conversation_id: z.string(),
        reference: z.string(),
        subject: z.string(),
        assignee_id: z.string().nullable(),
        awaiting_since: z.string().nullable(),
        due_at: z.string().nullable(),
        minutes_left: z.number().nullable().describe("negative once overdue"),
      }),
    )
    .describe("their conversations owed a human answer, soonest due first"),
});

export function registerPortfolioRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/my-customers",
    {
      schema: {
        summary: "My customers: those I am the advisor or backup of, and who among them waits",
        tags: ["customers"],
        querystring: z.strictObject({ ...paging }),
        response: { 200: page(portfolioView), 400: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (!p.userId) {
        throw new DeskError(
          "invalid_input",
          "my customers need a user: this token is not bound to one",
        );
      }
      const q = request.query;
      const { rows, next } = await listPortfolio(rt.db, {
        workspaceId: p.workspaceId,
        userId: p.userId,
        after: q.cursor ? decodeCursor(rt.secret, q.cursor) : undefined,
        limit: q.limit,
      });
      const waiting = await waitingOf(
        rt.db,
        p.workspaceId,
        rows.map((r) => r.id),
      );
      const now = rt.now().getTime();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          role: r.role,
          waiting: waiting
            .filter((w) => w.customerId === r.id)
            .map((w) => ({
              conversation_id: w.id,
              reference: w.reference,
              subject: w.subject,
              assignee_id: w.assigneeId,
              awaiting_since: w.awaitingSince?.toISOString() ?? null,
              due_at: w.dueAt?.toISOString() ?? null,
              minutes_left: w.dueAt ? Math.floor((w.dueAt.getTime() - now) / 60_000) : null,
            })),
        })),
        next_cursor: next ? encodeCursor(rt.secret, next) : null,
      };
    },
  );
}
