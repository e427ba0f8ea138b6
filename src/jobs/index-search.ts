// Fills the search vectors of the messages stored without one, a batch at a time, a moment after
// they were committed: stemming a body in French and English is the costliest part of storing it,
// and the SMTP 250 waits for the intake's commit, not for this. Until then, search reads the body.
import { sql } from "drizzle-orm";
import type { Runtime } from "../runtime.ts";
import { type Repeating, startRepeating } from "./repeat.ts";

/**
 * Indexes up to `limit` messages that have no search vector yet (any workspace: this is upkeep of
 * a derived column, never a read of tenant data); answers how many. Nodes running it at once take
 * different messages (SKIP LOCKED).
 */
export async function indexPendingMessages(rt: Runtime, limit = 500): Promise<number> {
  const result = await rt.db.execute(sql`
    update messages m set search_vector = rapport_search_vector(m.body_text)
    from (select workspace_id, id from messages where search_vector is null
          limit ${limit} for update skip locked) pending
    where m.workspace_id = pending.workspace_id and m.id = pending.id`);
  return result.rowCount ?? 0;
}

export type SearchIndexer = Repeating;

/**
 * Indexes what is pending every `intervalMs`, and at once again while a full batch was found. Under
 * load one statement indexes what a few hundred milliseconds of mail brought; idle, it reads an
 * empty partial index. A failed pass loses nothing: the messages stay pending.
 */
export function startSearchIndexer(
  rt: Runtime,
  options = { intervalMs: 250, batch: 500 },
): SearchIndexer {
  return startRepeating(
    rt,
    "indexing messages for search",
    options.intervalMs,
    async () => (await indexPendingMessages(rt, options.batch)) === options.batch,
  );
}
