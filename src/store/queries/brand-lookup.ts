// A brand named by whoever writes to the desk: its id or its slug, within one workspace.
import { eq, or } from "drizzle-orm";
import type { Db } from "../database.ts";
import { brands } from "../schema/index.ts";
import { inWorkspace } from "./workspace-scope.ts";

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function brandByIdOrSlug(db: Db, workspaceId: string, given: string) {
  const named = uuidShape.test(given)
    ? or(eq(brands.id, given.toLowerCase()), eq(brands.slug, given))
    : eq(brands.slug, given);
  const [row] = await db
    .select({ id: brands.id, slug: brands.slug })
    .from(brands)
    .where(inWorkspace(brands, workspaceId, named));
  return row ?? null;
}
