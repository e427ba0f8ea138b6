// Changes a brand; a new slug or address must not belong to another brand of the workspace (409).
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { brands } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { claimAddresses, normalizeAddresses } from "./brand-addresses.ts";
import { changesBetween, presentFields } from "./changes.ts";
import { assertSlugFree, type BrandFields, brandFields, slugConflict } from "./create-brand.ts";
import { referencedCalendar, referencedTeam, requireSettingsRole } from "./guards.ts";
import { recomputeClocksLater } from "./recompute-clocks-later.ts";

export type BrandPatch = Partial<BrandFields>;

export async function updateBrand(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: BrandPatch },
) {
  requireSettingsRole(p);
  try {
    const { tx, now } = uow;
    const ws = and(eq(brands.workspaceId, p.workspaceId), eq(brands.id, id));
    const [before] = await tx.select().from(brands).where(ws).for("update");
    if (!before) throw new DeskError("not_found", "no such brand");
    const next = { ...before, ...presentFields(patch) };
    if (patch.addresses) {
      next.addresses = normalizeAddresses(patch.addresses);
      await claimAddresses(tx, p.workspaceId, next.addresses, id);
    }
    if (patch.slug) await assertSlugFree(tx, p.workspaceId, patch.slug, id);
    if (patch.calendarId) {
      await referencedCalendar(tx, p.workspaceId, patch.calendarId, "calendar_id");
    }
    if (patch.teamId) await referencedTeam(tx, p.workspaceId, patch.teamId, "team_id");
    const changes = changesBetween(before, next, brandFields);
    if (!changes) return before;
    const [after] = await tx
      .update(brands)
      .set({ ...snapshot(next), updatedAt: now })
      .where(ws)
      .returning();
    if (!after) throw new Error("the brand vanished");
    await uow.record({
      type: "brand.updated",
      data: { brand_id: id },
      ...changes,
    });
    if (before.calendarId !== after.calendarId || before.timeZone !== after.timeZone) {
      await recomputeClocksLater(uow, p.workspaceId);
    }
    return after;
  } catch (error) {
    throw slugConflict(error);
  }
}

const snapshot = (b: typeof brands.$inferSelect) => ({
  name: b.name,
  slug: b.slug,
  addresses: b.addresses,
  language: b.language,
  timeZone: b.timeZone,
  country: b.country,
  signature: b.signature,
  charterPublic: b.charterPublic,
  calendarId: b.calendarId,
  teamId: b.teamId,
});
