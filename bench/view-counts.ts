// What the inbox tabs' counts cost at a million conversations: fills a scratch database on the
// PostgreSQL server (DATABASE_URL, else 127.0.0.1:5432) with BENCH_CONVERSATIONS (1,000,000)
// conversations in the proportions of a busy desk, then prints, for each view, PostgreSQL's plan
// (EXPLAIN ANALYZE) and the p50/p95 of the whole counts read (all views at once) over 20 runs, for
// the whole desk and for one advisor. Drops the database at the end. Run: npx tsx bench/view-counts.ts
import { countViews, inboxViews, viewCount } from "../src/store/queries/conversation-views.ts";
import { addAdvisors, addCustomers, percentile, withScratchDesk } from "./scratch-desk.ts";

const total = Number(process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const runs = 20;

await withScratchDesk("rapport_bench_counts", async ({ desk, pool, ws }) => {
  const started = Date.now();
  await addAdvisors(pool, ws, 50);
  await addCustomers(pool, ws, 10_000);
  // Per thousand: 700 closed, 100 resolved, 80 waiting on the customer, 20 on a third party, 60
  // open, 40 new; 20 spam, 10 list mail; 10 snoozed; those open or new are owed an answer.
  await pool.query(
    `with b as (select id from brands where workspace_id = $1 limit 1),
       a as (select array_agg(id) ids from users where workspace_id = $1 and role = 'advisor'),
       c as (select array_agg(id) ids from customers where workspace_id = $1)
     insert into conversations (workspace_id, id, reference, brand_id, customer_id, channel, status,
       assignee_id, spam, bulk, awaiting_since, first_response_due_at, snoozed_until, snoozed_at,
       last_customer_message_at, last_activity_at, created_at, updated_at)
     select $1, gen_random_uuid(), 'B' || lpad(n::text, 7, '0'), b.id, c.ids[1 + n % 10000], 'email',
       s.status, a.ids[1 + n % 50], n % 1000 < 20, n % 1000 between 20 and 29,
       case when s.status in ('new', 'open') then t end,
       case when s.status in ('new', 'open') then t + interval '4 hours' end,
       case when n % 1000 between 30 and 39 then now() + interval '2 days' end,
       case when n % 1000 between 30 and 39 then t end,
       t, t, t, t
     from generate_series(1, $2::int) n
     cross join b cross join a cross join c
     cross join lateral (select now() - (($2::int - n) * interval '30 seconds') as t) tt
     cross join lateral (select case
       when n % 1000 < 700 then 'closed' when n % 1000 < 800 then 'resolved'
       when n % 1000 < 880 then 'waiting_customer' when n % 1000 < 900 then 'waiting_third_party'
       when n % 1000 < 960 then 'open' else 'new' end as status) s`,
    [ws, total],
  );
  await pool.query("vacuum analyze conversations");
  console.log(
    `filled ${total.toLocaleString("en")} conversations in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );

  const [advisor] = (
    await pool.query<{ id: string }>(
      "select id from users where workspace_id = $1 and role = 'advisor' limit 1",
      [ws],
    )
  ).rows;
  for (const [who, assigneeId] of [
    ["the whole desk", undefined],
    ["one advisor", advisor?.id],
  ] as const) {
    const filter = { workspaceId: ws, assigneeId, now: new Date() };
    console.log(`\n== ${who}`);
    for (const view of inboxViews) {
      const query = viewCount(desk.rt.db, filter, view).toSQL();
      const plan = await pool.query<{ "QUERY PLAN": string }>(
        `explain (analyze, costs off, timing on) ${query.sql}`,
        query.params,
      );
      const lines = plan.rows.map((r) => r["QUERY PLAN"]);
      const scans = lines
        .filter((l) => /Scan/.test(l))
        .map((l) => l.trim().replace(/\s+\(actual.*$/, ""));
      const time = lines.find((l) => l.startsWith("Execution Time"));
      console.log(
        `${view.padEnd(10)} ${time?.replace("Execution Time: ", "").padEnd(10)} ${scans.join(" | ")}`,
      );
    }
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await countViews(desk.rt.db, filter);
      samples.push(performance.now() - t0);
    }
    console.log(
      `all seven counts at once: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`,
    );
  }
});
