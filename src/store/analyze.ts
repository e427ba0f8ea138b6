// Fresh planner statistics after a bulk load: a table filled in one go still looks empty to the planner,
// which then reads it whole for every key it checks (docs/ARCHITECTURE.md, imports).
import { sql } from "drizzle-orm";
import type { Db } from "./database.ts";

export async function analyzeTables(db: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) await db.execute(sql`analyze ${sql.identifier(table)}`);
}
