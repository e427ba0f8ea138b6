// `column = any($1)` with the values as one array parameter: a batch's thousand keys cost one
// placeholder, where `in (…)` would cost a thousand (and their parsing and planning).
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export function anyOf(
  column: PgColumn,
  values: readonly string[],
  type: "text" | "uuid" = "text",
): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;
}
