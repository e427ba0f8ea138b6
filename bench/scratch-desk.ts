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
