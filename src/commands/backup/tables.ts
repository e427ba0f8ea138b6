// What a backup holds of the database and how it is named: every table of the desk's schema, the
// job queue's jobs and schedules, and the migrations applied (a backup is restored only by a desk
// with the same migrations). Read from the catalogue, so a new table is backed up without a change.
import { sql } from "drizzle-orm";
import type { Tx } from "../../store/database.ts";

export const backupFormat = "rapport-backup/1";

/** A stored table (a partition is stored as its own table and restored through its root). */
export type StoredTable = {
  /** `schema.table` of the relation read. */
  source: string;
  /** `schema.table` rows go back into (the root of a partitioned table). */
  target: string;
};

/** The job queue's tables worth keeping: the queue's definitions are made anew at start. */
const queueTables = ["job", "archive", "schedule"];

export async function storedTables(tx: Tx): Promise<StoredTable[]> {
  const rows = await tx.execute<{ source: string; target: string }>(sql`
    select format('%I.%I', n.nspname, c.relname) as source,
           format('%I.%I', rn.nspname, r.relname) as target
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_class r on r.oid = coalesce(pg_partition_root(c.oid), c.oid)
    join pg_namespace rn on rn.oid = r.relnamespace
    where c.relkind = 'r'
      and (rn.nspname = 'public'
           or (rn.nspname = 'pgboss' and r.relname = any(${sql.param(queueTables)}::text[])))
    order by 1`);
  return rows.rows;
}

/** The migrations applied, oldest first: a restore needs exactly these. */
export async function appliedMigrations(tx: Tx): Promise<string[]> {
  const rows = await tx.execute<{ hash: string }>(
    sql`select hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.rows.map((r) => r.hash);
}

/** The columns a row is written back with: generated columns are computed again. */
export async function writableColumns(tx: Tx, table: string): Promise<string[]> {
  const rows = await tx.execute<{ name: string }>(sql`
    select quote_ident(attname) as name from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
    order by attnum`);
  return rows.rows.map((r) => r.name);
}
