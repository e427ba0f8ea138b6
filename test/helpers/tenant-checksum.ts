// A fingerprint of everything a workspace holds, to show that a refused request changed nothing.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../src/store/database.ts";

/** Bookkeeping of who signed in and when a token was last used: not what a request changes. */
const bookkeeping = ["api_tokens", "sessions"];

/** One md5 per table of the public schema (its rows as text, in order), in one query. */
export async function tenantChecksum(db: Db): Promise<Record<string, string>> {
  const { rows: tables } = await db.execute<{ name: string }>(sql`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const sums: SQL[] = tables
    .filter(({ name }) => !bookkeeping.includes(name))
    .map(
      ({ name }) =>
        sql`select ${name} as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${sql.identifier(name)} t`,
    );
  const { rows } = await db.execute<{ name: string; sum: string }>(
    sql.join(sums, sql` union all `),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}
