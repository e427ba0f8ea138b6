// The one query layer: a pg pool wrapped by Drizzle, the same for the embedded cluster and a server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as runMigrations } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: commands accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;
export type Database = { db: Db; pool: pg.Pool; close(): Promise<void> };

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// timestamptz as Date, bigint counts as numbers (counts never reach 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: "rapport" });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = drizzle(pool, { schema, casing: "snake_case" });
  return { db, pool, close: () => pool.end() };
}

/** Applies pending migrations; an advisory lock keeps several nodes from migrating at once. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(7243551)");
    await runMigrations(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(7243551)").catch(() => {});
    client.release();
  }
}
