// Creates an SLA policy: first response, next response and resolution in business minutes, for a
// brand, priority and channel (each optional; the most specific match wins, see domain/sla/policy.ts).
import type { Channel, Priority } from "../../domain/conversation/status.ts";
import { slaPolicies } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { snapshotOf } from "./changes.ts";
import { referencedBrand, requireSettingsRole } from "./guards.ts";
import { recomputeClocksLater } from "./recompute-clocks-later.ts";

export type SlaPolicyFields = {
  name: string;
  brandId: string | null;
  priority: Priority | null;
  channel: Channel | null;
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  resolutionMinutes: number;
};

export const slaPolicyFields = [
  "name",
  "brandId",
  "priority",
  "channel",
  "firstResponseMinutes",
  "nextResponseMinutes",
  "resolutionMinutes",
] as const;

export type NewSlaPolicy = Omit<SlaPolicyFields, "brandId" | "priority" | "channel"> &
  Partial<SlaPolicyFields>;

export async function createSlaPolicy(uow: UnitOfWork, p: Principal, input: NewSlaPolicy) {
  requireSettingsRole(p);
  const { tx, now } = uow;
  if (input.brandId) await referencedBrand(tx, p.workspaceId, input.brandId, "brand_id");
  const [policy] = await tx
    .insert(slaPolicies)
    .values({
      workspaceId: p.workspaceId,
      id: uow.newId(),
      name: input.name,
      brandId: input.brandId ?? null,
      priority: input.priority ?? null,
      channel: input.channel ?? null,
      firstResponseMinutes: input.firstResponseMinutes,
      nextResponseMinutes: input.nextResponseMinutes,
      resolutionMinutes: input.resolutionMinutes,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!policy) throw new Error("insert returned no SLA policy");
  await uow.record({
    type: "sla_policy.created",
    after: { id: policy.id, ...snapshotOf(policy, slaPolicyFields) },
  });
  await recomputeClocksLater(uow, p.workspaceId);
  return policy;
}
