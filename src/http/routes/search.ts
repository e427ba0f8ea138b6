// Search everywhere: the customers (name, email, phone) and the conversations (reference, subject,
// message text) that some words find, in two groups each capped, their matching words marked.
import { z } from "zod";
import { conversationStatuses } from "../../domain/conversation/status.ts";
import { markContained, type Run, runsOfHeadline } from "../../domain/search/highlight.ts";
import { phoneDigitsOf } from "../../domain/search/phone-digits.ts";
import type { Runtime } from "../../runtime.ts";
import { headlinesOf, listConversations } from "../../store/queries/conversations.ts";
import { listCustomers, type Profile, profilesOf } from "../../store/queries/customers.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { invalidInputView } from "../schemas/settings.ts";

const runs = z
  .array(z.object({ text: z.string(), match: z.boolean() }))
  .describe("the text cut into runs; `match` marks the words searched for");

const searchView = z.object({
  customers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      name_runs: runs,
      organisation: z.string().nullable(),
      identity: z
        .object({ kind: z.string(), value: z.string(), runs })
        .nullable()
        .describe("the email, phone… that matches, when the name does not (else the first one)"),
    }),
  ),
  conversations: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      subject: z.string(),
      subject_runs: runs,
      excerpt: runs.nullable().describe("from the newest message whose text matches, if any"),
      status: z.enum(conversationStatuses),
      customer: z.object({ id: z.string(), name: z.string() }),
      last_activity_at: z.string(),
    }),
  ),
});

const isMatched = (r: Run[]) => r.some((run) => run.match);

function presentCustomerHit(c: Profile, q: string, digits: string | null) {
  const nameRuns = markContained(c.name, q);
  // An identity as shown; a phone number typed with other spaces matches its stored digits.
  const marked = c.identities.map((i) => {
    const shown = { kind: i.kind, value: i.displayValue, runs: markContained(i.displayValue, q) };
    if (isMatched(shown.runs) || !digits) return shown;
    return { kind: i.kind, value: i.value, runs: markContained(i.value, digits) };
  });
  return {
    id: c.id,
    name: c.name,
    name_runs: nameRuns,
    organisation: c.organisation?.name ?? null,
    identity: marked.find((m) => isMatched(m.runs)) ?? marked[0] ?? null,
  };
}

export function registerSearchRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/search",
    {
      schema: {
        summary: "Find customers and conversations at once, grouped, the matching words marked",
        description:
          "Customers as `GET /customers?q=` finds them (name, email, phone, part of a word is " +
          "enough), newest first; conversations as `GET /conversations?q=` (reference, subject, " +
          "message text in full text), by relevance. Each group holds at most `limit` rows.",
        tags: ["search"],
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(200),
          limit: z.coerce.number().int().min(1).max(20).default(5),
        }),
        response: { 200: searchView, 400: invalidInputView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { q, limit } = request.query;
      const digits = phoneDigitsOf(q);
      const [customerPage, conversationPage] = await Promise.all([
        listCustomers(rt.db, {
          workspaceId: p.workspaceId,
          q,
          qDigits: digits ?? undefined,
          limit,
        }),
        listConversations(rt.db, { workspaceId: p.workspaceId, q, limit, now: rt.now() }),
      ]);
      const found = conversationPage.rows.map((r) => r.conversation);
      const [profiles, headlines] = await Promise.all([
        profilesOf(rt.db, p.workspaceId, customerPage.rows),
        headlinesOf(
          rt.db,
          p.workspaceId,
          found.map((c) => c.id),
          q,
        ),
      ]);
      return {
        customers: profiles.map((c) => presentCustomerHit(c, q, digits)),
        conversations: conversationPage.rows.map(({ conversation: c, customerName }) => {
          const headline = headlines.get(c.id);
          const excerpt = headline?.excerpt ? runsOfHeadline(headline.excerpt) : null;
          return {
            id: c.id,
            reference: c.reference,
            subject: c.subject,
            subject_runs: headline
              ? runsOfHeadline(headline.subject)
              : [{ text: c.subject, match: false }],
            excerpt: excerpt && isMatched(excerpt) ? excerpt : null,
            status: c.status,
            customer: { id: c.customerId, name: customerName },
            last_activity_at: c.lastActivityAt.toISOString(),
          };
        }),
      };
    },
  );
}
