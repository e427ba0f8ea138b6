// Creates a brand (name, slug, inbound addresses, language, time zone, signature, charter, calendar,
// the team that answers its new conversations).
import { and, eq } from "drizzle-orm";
import type { Language } from "../../domain/language.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { brands } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { claimAddresses, normalizeAddresses } from "./brand-addresses.ts";
import { snapshotOf } from "./changes.ts";
import {
  isUniqueViolation,
  referencedCalendar,
  referencedTeam,
  requireSettingsRole,
} from "./guards.ts";

export type BrandFields = {
  name: string;
  slug: string;
  addresses: string[];
  language: Language;
  timeZone: string;
  /** ISO 3166 alpha-2: where national phone numbers are read. */
  country: string | null;
  signature: string;
  charterPublic: boolean;
  calendarId: string | null;
  teamId: string | null;
};

export type NewBrand = Pick<BrandFields, "name" | "slug" | "addresses"> & Partial<BrandFields>;

export const brandFields = [
  "name",
  "slug",
  "addresses",
  "language",
  "timeZone",
  "country",
  "signature",
  "charterPublic",
  "calendarId",
  "teamId",
] as const;

export async function assertSlugFree(tx: Tx, workspaceId: string, slug: string, brandId: string) {
  const [taken] = await tx
    .select({ id: brands.id })
    .from(brands)
    .where(and(eq(brands.workspaceId, workspaceId), eq(brands.slug, slug)));
  if (taken && taken.id !== brandId) {
    throw new DeskError("conflict", `the slug ${slug} is taken by another brand`);
  }
}

export const slugConflict = (error: unknown) =>
  isUniqueViolation(error)
    ? new DeskError("conflict", "this slug is taken by another brand")
    : error;

export async function createBrand(uow: UnitOfWork, p: Principal, input: NewBrand) {
  requireSettingsRole(p);
  const id = uow.newId();
  const addresses = normalizeAddresses(input.addresses);
  try {
    const { tx, now } = uow;
    await claimAddresses(tx, p.workspaceId, addresses, id);
    await assertSlugFree(tx, p.workspaceId, input.slug, id);
    if (input.calendarId) {
      await referencedCalendar(tx, p.workspaceId, input.calendarId, "calendar_id");
    }
    if (input.teamId) await referencedTeam(tx, p.workspaceId, input.teamId, "team_id");
    const [brand] = await tx
      .insert(brands)
      .values({
        workspaceId: p.workspaceId,
        id,
        name: input.name,
        slug: input.slug,
        addresses,
        language: input.language ?? "en",
        timeZone: input.timeZone ?? "Europe/Paris",
        country: input.country ?? null,
        signature: input.signature ?? "",
        charterPublic: input.charterPublic ?? false,
        calendarId: input.calendarId ?? null,
        teamId: input.teamId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!brand) throw new Error("insert returned no brand");
    await uow.record({
      type: "brand.created",
      after: { id, ...snapshotOf(brand, brandFields) },
    });
    return brand;
  } catch (error) {
    throw slugConflict(error);
  }
}
