// The one way a query names its workspace: a read or change of a tenant table is scoped with
// `inWorkspace`, and the rare statement that reaches across workspaces on purpose (a sweep, a
// sign-in that finds the workspace) says why with `acrossWorkspaces`. test/integration/tenancy.test.ts
// plans every statement the API sends and fails on a tenant table read without workspace_id.
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/** A table whose rows belong to a workspace (schema/columns.ts `tenant`). */
export type TenantTable = PgTable & { workspaceId: PgColumn };

/** The rows of `table` in the workspace, further narrowed by `conditions`. */
export function inWorkspace(
  table: TenantTable,
  workspaceId: string,
  ...conditions: Array<SQL | undefined>
): SQL {
  return and(eq(table.workspaceId, workspaceId), ...conditions) as SQL;
}

/** Written into a statement that reaches across workspaces, so the tenancy test lets it pass. */
export const acrossWorkspacesMark = "across workspaces:";

/** A condition that is always true and marks its statement as reaching across workspaces. */
export function acrossWorkspaces(why: string): SQL {
  return sql.raw(`true /* ${acrossWorkspacesMark} ${why.replaceAll("*/", "")} */`);
}
