// Many rows of one table in one statement with one parameter: the rows travel as a JSON array that
// PostgreSQL turns back into typed rows. A multi-row VALUES list costs the client a placeholder and
// a serialised parameter per cell; for the intake's batches that was a fifth of its time.
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "./database.ts";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The JSON a row travels as: column names for keys; undefined stays out (the column's default). */
function jsonRow(columns: Array<[string, string]>, row: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, name] of columns) {
    const value = row[key];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * Inserts `rows` (as Drizzle's insert would take them); rows should set the same columns.
 * `onConflict` is the SQL after ON CONFLICT (e.g. `("workspace_id", "dedupe_key") do nothing`).
 * Answers the inserted rows' ids, so a caller can tell which ones a conflict left out.
 */
export async function insertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: Array<T["$inferInsert"]>,
  options: { onConflict?: SQL } = {},
): Promise<string[]> {
  if (rows.length === 0) return [];
  const all = Object.entries(getTableColumns(table)).map(
    ([key, column]) => [key, column.name] as [string, string],
  );
  // The columns any row sets; a row that leaves one of them unset gives it null, not its default.
  const columns = all.filter(([key]) =>
    rows.some((r) => (r as Record<string, unknown>)[key] !== undefined),
  );
  const list = sql.raw(columns.map(([, name]) => ident(name)).join(", "));
  const name = sql.raw(ident(getTableName(table)));
  const json = JSON.stringify(rows.map((r) => jsonRow(columns, r as Record<string, unknown>)));
  const conflict = options.onConflict ? sql` on conflict ${options.onConflict}` : sql``;
  const result = await tx.execute<{ id: string }>(sql`
    insert into ${name} (${list})
    select ${list} from json_populate_recordset(null::${name}, ${json}::json)
    ${conflict} returning "id"`);
  return result.rows.map((r) => r.id);
}
