// Keyset paging, newest first: the order, the "after this position" condition and the next position.
import { desc, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export type Position = { at: Date; id: string };

// PostgreSQL keeps microseconds and a JavaScript Date milliseconds: both the order and the
// comparison use the millisecond the cursor can carry, so that no row is skipped or repeated.
const millis = (column: PgColumn) => sql`date_trunc('milliseconds', ${column})`;

/** ORDER BY for newest first, ties broken by id. */
export function newestFirst(at: PgColumn, id: PgColumn): SQL[] {
  return [desc(millis(at)), desc(id)];
}

/** The rows that come after `position` in newest-first order; undefined on the first page. */
export function after(at: PgColumn, id: PgColumn, position: Position | undefined): SQL | undefined {
  if (!position) return undefined;
  return sql`(${millis(at)} < ${position.at} or (${millis(at)} = ${position.at} and ${id} < ${position.id}))`;
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
