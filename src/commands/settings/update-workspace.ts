// Changes the workspace's own settings (its name and how long it keeps likely spam and closed
// conversations), with the event that says what changed and who changed it.
import { eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { workspaces } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { changesBetween, presentFields } from "./changes.ts";

export type Workspace = typeof workspaces.$inferSelect;
export type WorkspacePatch = Partial<
  Pick<Workspace, "name" | "spamRetentionDays" | "closedRetentionDays">
>;

export async function updateWorkspace(
  uow: UnitOfWork,
  p: Principal,
  patch: WorkspacePatch,
): Promise<Workspace> {
  const { tx } = uow;
  const [before] = await tx
    .select()
    .from(workspaces)
    .where(eq(workspaces.id, p.workspaceId))
    .for("update");
  if (!before) throw new DeskError("not_found", "no such workspace");
  const next = { ...before, ...presentFields(patch) };
  const changes = changesBetween(before, next, [
    "name",
    "spamRetentionDays",
    "closedRetentionDays",
  ]);
  if (!changes) return before;
  const [after] = await tx
    .update(workspaces)
    .set({
      name: next.name,
      spamRetentionDays: next.spamRetentionDays,
      closedRetentionDays: next.closedRetentionDays,
    })
    .where(eq(workspaces.id, p.workspaceId))
    .returning();
  if (!after) throw new Error("the workspace vanished");
  await uow.record({ type: "workspace.updated", ...changes });
  return after;
}
