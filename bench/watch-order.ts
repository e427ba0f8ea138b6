// What the unanswered watch costs in its order (time left, then urgency) at a million conversations:
// fills a scratch database on the PostgreSQL server (DATABASE_URL, else 127.0.0.1:5432) with
// BENCH_CONVERSATIONS (1,000,000) conversations, a tenth owed an answer, due times bunched so that
// many share a minute, every priority; then prints PostgreSQL's plan (EXPLAIN ANALYZE) of the first
// page, of a page deep in the watch and of one advisor's first page, and the p50/p95 of each over
// 20 runs. Drops the database at the end. Run: npx tsx bench/watch-order.ts
import { noClock } from "../src/domain/conversation/watch-order.ts";
import { listUnanswered, unansweredQuery } from "../src/store/queries/unanswered.ts";
import {
  fillConversations,
  measure,
  planOf,
  someAdvisor,
  withScratchDesk,
} from "./scratch-desk.ts";

const total = Number(process.env.BENCH_CONVERSATIONS ?? 1_000_000);

await withScratchDesk("rapport_bench_watch", async ({ desk, pool, ws }) => {
  // Per thousand: 100 owed an answer (open or new), due within the next ten days at whole
  // quarter-minutes (so minutes are shared), one in ten of those without a running clock.
  await fillConversations(pool, ws, total, {
    letter: "W",
    columns: `status, priority, assignee_id, awaiting_since, first_response_due_at,
      last_customer_message_at, last_activity_at, created_at, updated_at`,
    values: `case when n % 10 = 0 then 'open' else 'closed' end,
       (array['low', 'normal', 'normal', 'high', 'urgent'])[1 + (n / 10) % 5],
       a.ids[1 + n % 50],
       case when n % 10 = 0 then now() end,
       case when n % 10 = 0 and n % 100 <> 0
         then date_trunc('minute', now()) + ((n::bigint * 7919) % 57600) * interval '15 seconds' end,
       now(), now(), now(), now()`,
  });
  const db = desk.rt.db;
  const advisor = await someAdvisor(pool, ws);
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
    ["one advisor, first page", { workspaceId: ws, limit: 50, assigneeId: advisor }],
  ] as const;
  for (const [label, filter] of cases) {
    console.log(`\n== ${label}`);
    for (const line of await planOf(pool, unansweredQuery(db, filter).toSQL())) console.log(line);
    await measure(label, () => listUnanswered(db, filter));
  }
});
