// A desk in a scratch database on the PostgreSQL server (DATABASE_URL, else 127.0.0.1:5432) for the
// benchmarks that fill one: created, booted, handed to the work with a pool, dropped at the end.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type Booted, boot } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";

const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const at = (database: string) => {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
};

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: at("postgres") });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1] ?? Number.NaN;

export type ScratchDesk = { desk: Booted; pool: pg.Pool; ws: string };

export async function withScratchDesk(
  prefix: string,
  work: (scratch: ScratchDesk) => Promise<void>,
): Promise<void> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`create database ${name}`));
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapport-bench-"));
  try {
    const desk = await boot(
      loadConfig({ DATABASE_URL: at(name), RAPPORT_DATA_DIR: dataDir, LOG_LEVEL: "warn" }),
      { mode: "attach" },
    );
    const pool = new pg.Pool({ connectionString: at(name) });
    try {
      await work({ desk, pool, ws: desk.workspaceId });
    } finally {
      await pool.end();
      await desk.close();
    }
  } finally {
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `count` advisors, `advisor-N@bench.example`. */
export async function addAdvisors(pool: pg.Pool, ws: string, count: number): Promise<void> {
  await pool.query(
    `insert into users (workspace_id, id, email, name, role)
     select $1, gen_random_uuid(), 'advisor-' || i || '@bench.example', 'Advisor ' || i, 'advisor'
     from generate_series(1, $2::int) i`,
    [ws, count],
  );
}

/** `count` customers, `Customer N`. */
export async function addCustomers(pool: pg.Pool, ws: string, count: number): Promise<void> {
  await pool.query(
    `insert into customers (workspace_id, id, name)
     select $1, gen_random_uuid(), 'Customer ' || i from generate_series(1, $2::int) i`,
    [ws, count],
  );
}

/** What the conversations of a scratch desk hold beyond their keys, brand, customer and channel. */
export type ConversationFill = {
  /** The references' letter (each bench its own). */
  letter: string;
  /** The other columns, in the order of `values`. */
  columns: string;
  /**
   * Their values, SQL over `n` (1…total, oldest first), `$2` (total), `a.ids` (the advisors) and
   * whatever `from` adds.
   */
  values: string;
  /** More of the FROM clause (`cross join lateral …`). */
  from?: string;
};

/**
 * 50 advisors, 10,000 customers and `total` conversations spread over them, then the planner's
 * statistics; prints how long it took.
 */
export async function fillConversations(
  pool: pg.Pool,
  ws: string,
  total: number,
  fill: ConversationFill,
): Promise<void> {
  const started = Date.now();
  await addAdvisors(pool, ws, 50);
  await addCustomers(pool, ws, 10_000);
  await pool.query(
    `with b as (select id from brands where workspace_id = $1 limit 1),
       a as (select array_agg(id) ids from users where workspace_id = $1 and role = 'advisor'),
       c as (select array_agg(id) ids from customers where workspace_id = $1)
     insert into conversations (workspace_id, id, reference, brand_id, customer_id, channel,
       ${fill.columns})
     select $1, gen_random_uuid(), '${fill.letter}' || lpad(n::text, 7, '0'), b.id,
       c.ids[1 + n % 10000], 'email', ${fill.values}
     from generate_series(1, $2::int) n cross join b cross join a cross join c ${fill.from ?? ""}`,
    [ws, total],
  );
  await pool.query("vacuum analyze conversations");
  console.log(
    `filled ${total.toLocaleString("en")} conversations in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** The desk's first advisor (by PostgreSQL's order). */
export async function someAdvisor(pool: pg.Pool, ws: string): Promise<string> {
  const [advisor] = (
    await pool.query<{ id: string }>(
      "select id from users where workspace_id = $1 and role = 'advisor' limit 1",
      [ws],
    )
  ).rows;
  if (!advisor) throw new Error("no advisor");
  return advisor.id;
}

/** PostgreSQL's plan of a statement as it ran (EXPLAIN ANALYZE), line by line. */
export async function planOf(
  pool: pg.Pool,
  query: { sql: string; params: unknown[] },
): Promise<string[]> {
  const plan = await pool.query<{ "QUERY PLAN": string }>(
    `explain (analyze, costs off, timing on) ${query.sql}`,
    query.params,
  );
  return plan.rows.map((r) => r["QUERY PLAN"]);
}

/** Runs `read` `runs` times and prints the p50 and p95 of its wall time. */
export async function measure(label: string, read: () => Promise<unknown>, runs = 20) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await read();
    samples.push(performance.now() - t0);
  }
  console.log(
    `${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`,
  );
}
