// GET /api/v1/reports/workload: who holds what, for managers — open conversations, owed answers,
// overdue and breached ones per advisor and per team, and the answers sent in the period.
import { z } from "zod";
import { workloadReport } from "../../commands/reports/workload-report.ts";
import type { Runtime } from "../../runtime.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { problemView } from "../schemas/conversation.ts";
import { instant } from "../schemas/instant.ts";

const figures = {
  open: z.number().describe("conversations not resolved, closed or spam"),
  owed: z.number().describe("open ones whose customer waits for a human answer"),
  overdue: z.number().describe("owed ones past their response due time now"),
  breached: z.number().describe("open ones whose SLA breach was recorded during the current wait"),
};

const workloadView = z.object({
  from: z.string(),
  to: z.string(),
  at: z.string().describe("when the open figures were counted"),
  totals: z.object({ ...figures, answers: z.number() }),
  advisors: z.array(
    z.object({
      user_id: z.string().nullable().describe("null: unassigned conversations"),
      ...figures,
      answers: z.number().describe("human answers sent in the period"),
      answered_conversations: z.number().describe("conversations answered in the period"),
    }),
  ),
  teams: z.array(
    z.object({ team_id: z.string().nullable().describe("null: no team"), ...figures }),
  ),
});

export function registerReportRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/reports/workload",
    {
      config: { role: "manager" },
      schema: {
        summary:
          "The desk's workload now, and the answers sent in a period (default: the last 7 days)",
        tags: ["reports"],
        querystring: z.strictObject({ from: instant.optional(), to: instant.optional() }),
        response: { 200: workloadView, 400: problemView, 403: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { from, to } = request.query;
      const r = await workloadReport(rt, {
        workspaceId: p.workspaceId,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      const figuresOf = (f: z.infer<z.ZodObject<typeof figures>>) => ({
        open: f.open,
        owed: f.owed,
        overdue: f.overdue,
        breached: f.breached,
      });
      return {
        from: r.from.toISOString(),
        to: r.to.toISOString(),
        at: r.at.toISOString(),
        totals: { ...figuresOf(r.totals), answers: r.totals.answers },
        advisors: r.advisors.map((a) => ({
          user_id: a.userId,
          ...figuresOf(a),
          answers: a.answers,
          answered_conversations: a.answeredConversations,
        })),
        teams: r.teams.map((t) => ({ team_id: t.teamId, ...figuresOf(t) })),
      };
    },
  );
}
