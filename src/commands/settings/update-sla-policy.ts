// Changes an SLA policy. Due times already stored are recomputed as conversations next change.
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { slaPolicies } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { changesBetween, presentFields } from "./changes.ts";
import { type SlaPolicyFields, slaPolicyFields } from "./create-sla-policy.ts";
import { referencedBrand, requireSettingsRole } from "./guards.ts";
import { recomputeClocksLater } from "./recompute-clocks-later.ts";

export async function updateSlaPolicy(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: Partial<SlaPolicyFields> },
) {
  requireSettingsRole(p);
  const { tx, now } = uow;
  const ws = and(eq(slaPolicies.workspaceId, p.workspaceId), eq(slaPolicies.id, id));
  const [before] = await tx.select().from(slaPolicies).where(ws).for("update");
  if (!before) throw new DeskError("not_found", "no such SLA policy");
  if (patch.brandId) await referencedBrand(tx, p.workspaceId, patch.brandId, "brand_id");
  const next = { ...before, ...presentFields(patch) };
  const changes = changesBetween(before, next, slaPolicyFields);
  if (!changes) return before;
  const [after] = await tx
    .update(slaPolicies)
    .set({
      name: next.name,
      brandId: next.brandId,
      priority: next.priority,
      channel: next.channel,
      firstResponseMinutes: next.firstResponseMinutes,
      nextResponseMinutes: next.nextResponseMinutes,
      resolutionMinutes: next.resolutionMinutes,
      updatedAt: now,
    })
    .where(ws)
    .returning();
  if (!after) throw new Error("the SLA policy vanished");
  await uow.record({
    type: "sla_policy.updated",
    data: { sla_policy_id: id },
    ...changes,
  });
  await recomputeClocksLater(uow, p.workspaceId);
  return after;
}
