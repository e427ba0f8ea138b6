// Removes queued and archived jobs that name erased rows (a message to send, a notification to
// mail, a conversation to learn from), so the queue keeps nothing about a person once erased.
import { sql } from "drizzle-orm";
import type { Tx } from "../store/database.ts";

/** The queue's tables that hold job data (pg-boss 10 keeps finished jobs in `archive`). */
const jobTables = ["job", "archive"] as const;

export async function forgetJobsAbout(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  for (const table of jobTables) {
    await tx.execute(sql`
      delete from pgboss.${sql.identifier(table)}
      where exists (
        select 1 from jsonb_each_text(data) as field
        where field.value = any(${sql.param(ids)}::text[])
      )`);
  }
}
