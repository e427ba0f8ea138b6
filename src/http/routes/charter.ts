// The commitment charter: GET /api/v1/reports/charter, and the public page /charter/{brand} for
// brands that publish it (404 otherwise). Both read the same report.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { charterReport } from "../../commands/reports/charter-report.ts";
import { type CharterFigures, charterLanguage } from "../../domain/charter.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { brands } from "../../store/schema/index.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { problemView } from "../schemas/conversation.ts";
import { instant } from "../schemas/instant.ts";
import { charterPage } from "./charter-page.ts";

const figures = z.object({
  conversations: z.number(),
  counted: z.number().describe("all but spam, duplicates and merges"),
  answered: z.number(),
  percent_answered: z.number().nullable(),
  within_promise: z.number(),
  promise_counted: z.number().describe("answered ones, and unanswered ones once overdue"),
  percent_within_promise: z.number().nullable(),
  first_response_minutes: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  first_response_business_minutes: z.object({
    median: z.number().nullable(),
    p90: z.number().nullable(),
  }),
});

const present = (f: CharterFigures) => ({
  conversations: f.conversations,
  counted: f.counted,
  answered: f.answered,
  percent_answered: f.percentAnswered,
  within_promise: f.withinPromise,
  promise_counted: f.promiseCounted,
  percent_within_promise: f.percentWithinPromise,
  first_response_minutes: f.firstResponseMinutes,
  first_response_business_minutes: f.firstResponseBusinessMinutes,
});

const period = {
  from: instant.optional(),
  to: instant.optional(),
};
const date = (v?: string) => (v ? new Date(v) : undefined);

export function registerCharterRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/reports/charter",
    {
      schema: {
        summary: "The commitment charter of a brand for a period (default: the last 30 days)",
        tags: ["reports"],
        querystring: z.strictObject({ brand: z.string().max(100).optional(), ...period }),
        response: {
          200: z.object({
            brand: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
            from: z.string(),
            to: z.string(),
            overall: figures,
            channels: z.array(figures.extend({ channel: z.string() })),
          }),
          400: problemView,
          404: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const r = await charterReport(rt, {
        workspaceId: p.workspaceId,
        brand: q.brand,
        from: date(q.from),
        to: date(q.to),
      });
      return {
        brand: { id: r.brand.id, slug: r.brand.slug, name: r.brand.name },
        from: r.from.toISOString(),
        to: r.to.toISOString(),
        overall: present(r.overall),
        channels: r.channels.map((c) => ({ channel: c.channel, ...present(c) })),
      };
    },
  );

  app.get(
    "/charter/:slug",
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        hide: true,
        params: z.object({ slug: z.string().max(100) }),
        querystring: z.object({ ...period, lang: z.string().max(35).optional() }),
      },
    },
    async (request, reply) => {
      const [brand] = await rt.db
        .select()
        .from(brands)
        .where(and(eq(brands.slug, request.params.slug), eq(brands.charterPublic, true)))
        .limit(1);
      if (!brand) throw new DeskError("not_found", "this brand publishes no charter");
      const r = await charterReport(rt, {
        workspaceId: brand.workspaceId,
        brand: brand.id,
        from: date(request.query.from),
        to: date(request.query.to),
      });
      const language = charterLanguage(
        request.query.lang,
        request.headers["accept-language"],
        brand.language,
      );
      return reply
        .type("text/html; charset=utf-8")
        .header("content-language", language)
        .header("vary", "accept-language")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
        .send(charterPage(r, language));
    },
  );
}
