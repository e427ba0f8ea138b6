// A fingerprint of everything a workspace holds, to show that a refused request changed nothing.
import { sql } from "drizzle-orm";
import type { Db } from "../../src/store/database.ts";

/** Bookkeeping of who signed in and when a token was last used: not what a request changes. */
const bookkeeping = ["api_tokens", "sessions"];

/** One md5 per table of the public schema (each row as text, in order), every table included. */
export async function tenantChecksum(db: Db): Promise<Record<string, string>> {
  const { rows: tables } = await db.execute<{ name: string }>(sql`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    if (bookkeeping.includes(name)) continue;
    const { rows } = await db.execute<{ sum: string | null }>(
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${sql.identifier(name)} t`,
    );
    sums[name] = rows[0]?.sum ?? "";
  }
  return sums;
}
