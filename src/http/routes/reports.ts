// GET /api/v1/reports/workload: who holds what, for managers — open conversations, owed answers,
// overdue and breached ones per advisor and per team, and the answers sent in the period; and
// GET /api/v1/reports/continuity: customers answered by their own advisor or backup, and transfers.
import { z } from "zod";
import { continuityReport } from "../../commands/reports/continuity-report.ts";
import { workloadReport } from "../../commands/reports/workload-report.ts";
import type { ContinuityFigures } from "../../domain/reports/continuity.ts";
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

const continuityFigures = {
  conversations: z.number().describe("conversations with a human answer in the period (not spam)"),
  with_advisor: z.number().describe("of which the customer has an advisor or a backup"),
  kept: z
    .number()
    .describe("of those, the ones whose every human answer of the period came from them"),
  transfers: z
    .number()
    .describe("transfers of those conversations asked in the period, not cancelled"),
  continuity_rate: z.number().nullable().describe("kept ÷ with_advisor (null: none)"),
  transfers_per_conversation: z.number().nullable().describe("transfers ÷ conversations"),
};

const continuityView = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object(continuityFigures),
  teams: z.array(
    z.object({ team_id: z.string().nullable().describe("null: no team"), ...continuityFigures }),
  ),
  advisors: z.array(
    z.object({
      advisor_id: z
        .string()
        .nullable()
        .describe("the customers' advisor; null: customers without one"),
      ...continuityFigures,
    }),
  ),
});

const continuityOf = (f: ContinuityFigures) => ({
  conversations: f.conversations,
  with_advisor: f.withAdvisor,
  kept: f.kept,
  transfers: f.transfers,
  continuity_rate: f.continuityRate,
  transfers_per_conversation: f.transfersPerConversation,
});

export function registerReportRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/reports/continuity",
    {
      config: { role: "manager" },
      schema: {
        summary: "How often customers are answered by their own advisor or backup, and transfers",
        description:
          "A conversation counts when a human answered it in the period (default: the last 30 " +
          "days). It is kept when its customer has an advisor or a backup and every human answer " +
          "of the period came from one of them (as named now). `continuity_rate` = kept ÷ " +
          "with_advisor; `transfers_per_conversation` = transfers asked in the period (not " +
          "cancelled) ÷ conversations. By the conversation's team and by the customer's advisor; " +
          "`team` narrows to one team.",
        tags: ["reports"],
        querystring: z.strictObject({
          from: instant.optional(),
          to: instant.optional(),
          team: z.uuid().optional(),
        }),
        response: { 200: continuityView, 400: problemView, 403: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { from, to, team } = request.query;
      const r = await continuityReport(rt, {
        workspaceId: p.workspaceId,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        teamId: team,
      });
      return {
        from: r.from.toISOString(),
        to: r.to.toISOString(),
        totals: continuityOf(r.totals),
        teams: r.teams.map((t) => ({ team_id: t.teamId, ...continuityOf(t) })),
        advisors: r.advisors.map((a) => ({ advisor_id: a.advisorId, ...continuityOf(a) })),
      };
    },
  );

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
