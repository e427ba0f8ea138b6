// Reading organisations: a keyset-paged list newest first (optionally those whose name contains `q`,
// in any case and accent) and one organisation by id, always within one workspace.
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../database.ts";
import { organisations } from "../schema/index.ts";
import { likePattern } from "./customers.ts";
import { after, createdPosition, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

export type Organisation = typeof organisations.$inferSelect;

export type OrganisationFilter = {
  workspaceId: string;
  q?: string | undefined;
  after?: Position | undefined;
  limit: number;
};

const newest: Keyset = { at: organisations.createdAt, id: organisations.id };

export async function listOrganisations(db: Db, f: OrganisationFilter) {
  const named = f.q
    ? sql`rapport_fold(${organisations.name}) like rapport_fold(${likePattern(f.q)})`
    : undefined;
  const rows = await db
    .select()
    .from(organisations)
    .where(inWorkspace(organisations, f.workspaceId, named, after(newest, f.after)))
    .orderBy(...orderOf(newest))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, createdPosition);
}

export async function getOrganisation(
  db: Tx,
  workspaceId: string,
  id: string,
): Promise<Organisation | null> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(inWorkspace(organisations, workspaceId, eq(organisations.id, id)));
  return row ?? null;
}
