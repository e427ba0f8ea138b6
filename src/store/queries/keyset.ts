// Keyset paging, the one way every list pages: the order, the "after this position" condition and the
// next position. Conditions compare the raw columns, so that the list's index serves both.
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** Where a page ended: the sort time, the id that breaks ties and, for ranked lists, the rank. */
export type Position = { at: Date; id: string; rank?: number | undefined };

/**
 * The sort key of a list: an optional rank (highest first), then a time and the id. Times that lists
 * page by are stored to the millisecond (schema/columns.ts `pagedAt`), the precision of a Date and
 * so of a cursor: comparing the raw column with the cursor's time skips and repeats nothing.
 */
export type Keyset = {
  at: PgColumn | SQL;
  id: PgColumn;
  /** "newest" first (descending, the default) or "soonest" first (ascending). */
  order?: "newest" | "soonest";
  rank?: SQL;
};

// Indexes are built `DESC NULLS LAST` (drizzle-kit's default for `.desc()`); ORDER BY must say the
// same, or PostgreSQL sorts the whole table instead of reading the index in order.
const direction = (k: Keyset) =>
  k.order === "soonest" ? sql.raw("asc nulls last") : sql.raw("desc nulls last");

/** ORDER BY of the list. */
export function orderOf(k: Keyset): SQL[] {
  const d = direction(k);
  return [...(k.rank ? [sql`${k.rank} desc`] : []), sql`${k.at} ${d}`, sql`${k.id} ${d}`];
}

/** The rows that come after `position` in the list's order; undefined on the first page. */
export function after(k: Keyset, position: Position | undefined): SQL | undefined {
  if (!position) return undefined;
  const beyond = k.order === "soonest" ? sql.raw(">") : sql.raw("<");
  // A row comparison is one index condition; the rank, computed, comes first and is compared apart.
  const rest = sql`(${k.at}, ${k.id}) ${beyond} (${position.at}::timestamptz, ${position.id}::uuid)`;
  if (!k.rank) return rest;
  const rank = position.rank ?? 0;
  return sql`(${k.rank} < ${rank}::real or (${k.rank} = ${rank}::real and ${rest}))`;
}

/** Cuts the `limit + 1` rows read into a page and the position the next page starts after. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  positionOf: (row: T) => Position,
): { rows: T[]; next: Position | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? positionOf(last) : null };
}

/** The usual position: a row's creation time and id. */
export const createdPosition = (row: { createdAt: Date; id: string }): Position => ({
  at: row.createdAt,
  id: row.id,
});
