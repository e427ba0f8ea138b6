// What "My customers" and the continuity report cost on a large desk: fills a scratch database on the
// PostgreSQL server (DATABASE_URL, else 127.0.0.1:5432) with BENCH_CUSTOMERS (200,000) customers, each
// with an advisor and a backup among 50 advisors, one conversation each (a tenth owed an answer, the
// others answered by the advisor, a backup or a colleague) and a transfer for one in twenty; prints
// the p50/p95 of the first page and of the 40th page of one advisor's customers (with who waits), and
// of the continuity report over 30 days. Drops the database at the end. Run: npx tsx bench/my-customers.ts
import { continuityReport } from "../src/commands/reports/continuity-report.ts";
import type { Position } from "../src/store/queries/keyset.ts";
import { listPortfolio, waitingOf } from "../src/store/queries/portfolio.ts";
import { addAdvisors, measure, someAdvisor, withScratchDesk } from "./scratch-desk.ts";

const total = Number(process.env.BENCH_CUSTOMERS ?? 200_000);
await withScratchDesk("rapport_bench_portfolio", async ({ desk, pool, ws }) => {
  const started = Date.now();
  await addAdvisors(pool, ws, 50);
  await pool.query(
    `with a as (select array_agg(id order by email) ids from users where workspace_id = $1 and role = 'advisor')
     insert into customers (workspace_id, id, name, advisor_id, backup_id, created_at)
     select $1, gen_random_uuid(), 'Customer ' || i, a.ids[1 + i % 50], a.ids[1 + (i + 1) % 50],
       now() - (($2::int - i) * interval '1 minute')
     from generate_series(1, $2::int) i cross join a`,
    [ws, total],
  );
  await pool.query(
    `with b as (select id from brands where workspace_id = $1 limit 1)
     insert into conversations (workspace_id, id, reference, brand_id, customer_id, channel, status,
       assignee_id, awaiting_since, first_response_due_at, last_customer_message_at, last_activity_at,
       created_at, updated_at)
     select $1, gen_random_uuid(), 'P' || lpad(n::text, 7, '0'), b.id, c.id, 'email',
       case when n % 10 = 0 then 'open' else 'waiting_customer' end, c.advisor_id,
       case when n % 10 = 0 then t end, case when n % 10 = 0 then t + interval '4 hours' end,
       t, t, t, t
     from (select id, advisor_id, row_number() over (order by created_at) n
           from customers where workspace_id = $1) c
     cross join b
     cross join lateral (select now() - (n % 40000) * interval '1 minute' as t) tt`,
    [ws],
  );
  // The answer of each conversation not owed one: its advisor, its backup, or a colleague.
  await pool.query(
    `insert into messages (workspace_id, id, conversation_id, direction, channel, author_kind,
       author_user_id, body_text, delivery, created_at)
     select c.workspace_id, gen_random_uuid(), c.id, 'outbound', 'email', 'user',
       case (c.n % 3) when 0 then cu.advisor_id when 1 then cu.backup_id
         else (select id from users u where u.workspace_id = c.workspace_id and u.role = 'advisor'
               and u.id <> cu.advisor_id and u.id <> cu.backup_id limit 1) end,
       'Answered.', 'sent', c.created_at + interval '1 minute'
     from (select *, row_number() over (order by id) n from conversations where workspace_id = $1
           and awaiting_since is null) c
     join customers cu on cu.workspace_id = c.workspace_id and cu.id = c.customer_id`,
    [ws],
  );
  await pool.query(
    `insert into conversation_transfers (workspace_id, id, conversation_id, from_id, to_id, reason,
       status, created_at)
     select c.workspace_id, gen_random_uuid(), c.id, c.assignee_id, cu.backup_id, 'Bench', 'accepted',
       c.created_at
     from conversations c join customers cu on cu.workspace_id = c.workspace_id and cu.id = c.customer_id
     where c.workspace_id = $1 and right(c.reference, 2) in ('00', '20', '40', '60', '80')`,
    [ws],
  );
  await pool.query("vacuum analyze");
  console.log(
    `filled ${total.toLocaleString("en")} customers and conversations in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const advisor = await someAdvisor(pool, ws);
  const page = async (after: Position | undefined) => {
    const listed = await listPortfolio(desk.rt.db, {
      workspaceId: ws,
      userId: advisor,
      after,
      limit: 25,
    });
    await waitingOf(
      desk.rt.db,
      ws,
      listed.rows.map((r) => r.id),
    );
    return listed.next;
  };
  let deep: Position | undefined;
  for (let i = 0; i < 39; i++) deep = (await page(deep)) ?? undefined;
  await measure("my customers, first page (with who waits)", () => page(undefined));
  await measure("my customers, 40th page (with who waits)", () => page(deep));
  await measure("continuity report, last 30 days", () =>
    continuityReport(desk.rt, { workspaceId: ws }),
  );
});
