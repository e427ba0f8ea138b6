// What the inbox tabs' counts cost at a million conversations: fills a scratch database on the
// PostgreSQL server (DATABASE_URL, else 127.0.0.1:5432) with BENCH_CONVERSATIONS (1,000,000)
// conversations in the proportions of a busy desk, then prints, for each view, PostgreSQL's plan
// (EXPLAIN ANALYZE) and the p50/p95 of the whole counts read (all views at once) over 20 runs, for
// the whole desk and for one advisor. Drops the database at the end. Run: npx tsx bench/view-counts.ts
import { countViews, inboxViews, viewCount } from "../src/store/queries/conversation-views.ts";
import {
  fillConversations,
  measure,
  planOf,
  someAdvisor,
  withScratchDesk,
} from "./scratch-desk.ts";

const total = Number(process.env.BENCH_CONVERSATIONS ?? 1_000_000);

await withScratchDesk("rapport_bench_counts", async ({ desk, pool, ws }) => {
  // Per thousand: 700 closed, 100 resolved, 80 waiting on the customer, 20 on a third party, 60
  // open, 40 new; 20 spam, 10 list mail; 10 snoozed; those open or new are owed an answer.
  await fillConversations(pool, ws, total, {
    letter: "B",
    columns: `status, assignee_id, spam, bulk, awaiting_since, first_response_due_at, snoozed_until,
      snoozed_at, last_customer_message_at, last_activity_at, created_at, updated_at`,
    values: `s.status, a.ids[1 + n % 50], n % 1000 < 20, n % 1000 between 20 and 29,
       case when s.status in ('new', 'open') then t end,
       case when s.status in ('new', 'open') then t + interval '4 hours' end,
       case when n % 1000 between 30 and 39 then now() + interval '2 days' end,
       case when n % 1000 between 30 and 39 then t end,
       t, t, t, t`,
    from: `cross join lateral (select now() - (($2::int - n) * interval '30 seconds') as t) tt
     cross join lateral (select case
       when n % 1000 < 700 then 'closed' when n % 1000 < 800 then 'resolved'
       when n % 1000 < 880 then 'waiting_customer' when n % 1000 < 900 then 'waiting_third_party'
       when n % 1000 < 960 then 'open' else 'new' end as status) s`,
  });
  const advisor = await someAdvisor(pool, ws);
  for (const [who, assigneeId] of [
    ["the whole desk", undefined],
    ["one advisor", advisor],
  ] as const) {
    const filter = { workspaceId: ws, assigneeId, now: new Date() };
    console.log(`\n== ${who}`);
    for (const view of inboxViews) {
      const lines = await planOf(pool, viewCount(desk.rt.db, filter, view).toSQL());
      const scans = lines
        .filter((l) => /Scan/.test(l))
        .map((l) => l.trim().replace(/\s+\(actual.*$/, ""));
      const time = lines.find((l) => l.startsWith("Execution Time"));
      console.log(
        `${view.padEnd(10)} ${time?.replace("Execution Time: ", "").padEnd(10)} ${scans.join(" | ")}`,
      );
    }
    await measure("all seven counts at once", () => countViews(desk.rt.db, filter));
  }
});
