// What the unanswered watch costs in its order (time left, then urgency) at a million conversations:
// fills a scratch database on the PostgreSQL server (DATABASE_URL, else 127.0.0.1:5432) with
// BENCH_CONVERSATIONS (1,000,000) conversations, a tenth owed an answer, due times bunched so that
// many share a minute, every priority; then prints PostgreSQL's plan (EXPLAIN ANALYZE) of the first
// page, of a page deep in the watch and of one advisor's first page, and the p50/p95 of each over
// 20 runs. Drops the database at the end. Run: npx tsx bench/watch-order.ts
import { noClock } from "../src/domain/conversation/watch-order.ts";
import { listUnanswered, unansweredQuery } from "../src/store/queries/unanswered.ts";
import { addAdvisors, addCustomers, percentile, withScratchDesk } from "./scratch-desk.ts";

const total = Number(process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const runs = 20;

await withScratchDesk("rapport_bench_watch", async ({ desk, pool, ws }) => {
  const started = Date.now();
  await addAdvisors(pool, ws, 50);
  await addCustomers(pool, ws, 10_000);
  // Per thousand: 100 owed an answer (open or new), due within the next ten days at whole
  // quarter-minutes (so minutes are shared), one in ten of those without a running clock.
  await pool.query(
    `with b as (select id from brands where workspace_id = $1 limit 1),
       a as (select array_agg(id) ids from users where workspace_id = $1 and role = 'advisor'),
       c as (select array_agg(id) ids from customers where workspace_id = $1)
     insert into conversations (workspace_id, id, reference, brand_id, customer_id, channel, status,
       priority, assignee_id, awaiting_since, first_response_due_at, last_customer_message_at,
       last_activity_at, created_at, updated_at)
     select $1, gen_random_uuid(), 'W' || lpad(n::text, 7, '0'), b.id, c.ids[1 + n % 10000], 'email',
       case when n % 10 = 0 then 'open' else 'closed' end,
       (array['low', 'normal', 'normal', 'high', 'urgent'])[1 + (n / 10) % 5],
       a.ids[1 + n % 50],
       case when n % 10 = 0 then now() end,
       case when n % 10 = 0 and n % 100 <> 0
         then date_trunc('minute', now()) + ((n::bigint * 7919) % 57600) * interval '15 seconds' end,
       now(), now(), now(), now()
     from generate_series(1, $2::int) n cross join b cross join a cross join c`,
    [ws, total],
  );
  await pool.query("vacuum analyze conversations");
  console.log(
    `filled ${total.toLocaleString("en")} conversations in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );

  const db = desk.rt.db;
  const [advisor] = (
    await pool.query<{ id: string }>(
      "select id from users where workspace_id = $1 and role = 'advisor' limit 1",
      [ws],
    )
  ).rows;
  // A position halfway through the watch, reached as a reader paging would.
  const [middle] = (
    await pool.query<{ at: Date | null; id: string; rank: number }>(
      `select coalesce(first_response_due_at, next_response_due_at) at, id,
         (case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end) rank
       from conversations where workspace_id = $1 and awaiting_since is not null
       order by 1 nulls last, 3, 2 offset $2 limit 1`,
      [ws, Math.floor(total / 20)],
    )
  ).rows;
  const deep = middle ? { at: middle.at ?? noClock, id: middle.id, rank: middle.rank } : undefined;
  const cases = [
    ["first page", { workspaceId: ws, limit: 50 }],
    ["a page halfway", { workspaceId: ws, limit: 50, after: deep }],
    ["one advisor, first page", { workspaceId: ws, limit: 50, assigneeId: advisor?.id }],
  ] as const;
  for (const [label, filter] of cases) {
    const query = unansweredQuery(db, filter).toSQL();
    const plan = await pool.query<{ "QUERY PLAN": string }>(
      `explain (analyze, costs off, timing on) ${query.sql}`,
      query.params,
    );
    console.log(`\n== ${label}`);
    for (const row of plan.rows) console.log(row["QUERY PLAN"]);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await listUnanswered(db, filter);
      samples.push(performance.now() - t0);
    }
    console.log(
      `${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`,
    );
  }
});
