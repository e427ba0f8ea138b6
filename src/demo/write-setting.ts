// Writes the demo's setting: brands with their calendars, the chat policy, canned answers, the people
// at the desk (through createUser), their teams and the partner reseller.
import { and, asc, eq, inArray } from "drizzle-orm";
import { systemPrincipal } from "../commands/access/principal.ts";
import { systemActor } from "../commands/events/record-event.ts";
import { addUser } from "../commands/settings/add-user.ts";
import { openUnit, type UnitOfWork } from "../commands/unit-of-work.ts";
import { DeskError } from "../errors.ts";
import type { Tx } from "../store/database.ts";
import {
  brands,
  calendars,
  cannedAnswers,
  organisations,
  slaPolicies,
  teamMembers,
  teams,
  users,
} from "../store/schema/index.ts";
import {
  storyAbsence,
  storyBrands,
  storyCannedAnswers,
  storyChatPolicy,
  storyPartner,
  storyStaff,
  storyTeams,
} from "./story-cast.ts";
import { daysBefore } from "./story-clock.ts";
import type { BrandKey, StaffKey } from "./story-types.ts";

export type Brand = typeof brands.$inferSelect;
export type Staff = { id: string; name: string; role: "advisor" | "manager" | "admin" };

export type Setting = {
  brands: Record<BrandKey, Brand>;
  staff: Record<StaffKey, Staff>;
  teams: Record<"lumiere" | "northwind", string>;
  partnerId: string;
};

async function writeBrands(uow: UnitOfWork, workspaceId: string, since: Date) {
  const { tx } = uow;
  const [support] = await tx
    .select()
    .from(brands)
    .where(eq(brands.workspaceId, workspaceId))
    .orderBy(asc(brands.createdAt))
    .limit(1);
  if (!support) throw new Error(`workspace ${workspaceId} has no brand`);
  // The desk's first brand stays its default (the oldest) once the story's brands are backdated.
  await tx
    .update(brands)
    .set({ createdAt: new Date(since.getTime() - 86_400_000) })
    .where(and(eq(brands.workspaceId, workspaceId), eq(brands.id, support.id)));
  const year = uow.now.getUTCFullYear();
  const written = {} as Record<"lumiere" | "northwind", Brand>;
  for (const key of ["lumiere", "northwind"] as const) {
    const b = storyBrands[key];
    const calendarId = uow.newId();
    await tx.insert(calendars).values({
      workspaceId,
      id: calendarId,
      name: b.calendarName,
      timeZone: b.timeZone,
      weeklyHours: b.weeklyHours,
      holidays: [year - 1, year, year + 1].flatMap((y) => b.holidays.map((d) => `${y}-${d}`)),
      createdAt: since,
    });
    const [brand] = await tx
      .insert(brands)
      .values({
        workspaceId,
        id: uow.newId(),
        name: b.name,
        slug: b.slug,
        addresses: b.addresses,
        language: b.language,
        timeZone: b.timeZone,
        signature: b.signature,
        charterPublic: b.charterPublic,
        calendarId,
        createdAt: since,
      })
      .returning();
    if (!brand) throw new Error("the brand was not stored");
    written[key] = brand;
  }
  return { support, ...written };
}

async function writeStaff(uow: UnitOfWork, workspaceId: string, since: Date) {
  const { tx } = uow;
  const staff = {} as Record<StaffKey, Staff>;
  const principal = systemPrincipal(workspaceId, systemActor);
  const hired = openUnit(uow.runtime, tx, principal, { now: since });
  for (const [key, s] of Object.entries(storyStaff) as Array<
    [StaffKey, (typeof storyStaff)[StaffKey]]
  >) {
    // No password: the demo's people cannot sign in; the admin sees everything they did.
    const user = await addUser(hired, principal, {
      email: s.email,
      name: s.name,
      role: s.role,
      languages: s.languages,
      timeZone: s.timeZone ?? null,
    });
    await tx
      .update(users)
      .set({ capacity: s.capacity, createdAt: since, updatedAt: since })
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, user.id)));
    staff[key] = { id: user.id, name: user.name, role: user.role };
  }
  const now = uow.now;
  await tx
    .update(users)
    .set({
      outOfOfficeFrom: daysBefore(now, -storyAbsence.fromDays),
      outOfOfficeUntil: daysBefore(now, -storyAbsence.untilDays),
    })
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, staff[storyAbsence.who].id)));
  return staff;
}

/** A desk already in use may hold the story's brand slugs or people: say so rather than collide. */
async function refuseCollisions(tx: Tx, workspaceId: string): Promise<void> {
  const slugs = Object.values(storyBrands).map((b) => b.slug);
  const emails = Object.values(storyStaff).map((s) => s.email);
  const taken = [
    ...(
      await tx
        .select({ slug: brands.slug })
        .from(brands)
        .where(and(eq(brands.workspaceId, workspaceId), inArray(brands.slug, slugs)))
    ).map((b) => `brand ${b.slug}`),
    ...(
      await tx
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), inArray(users.email, emails)))
    ).map((u) => `user ${u.email}`),
  ];
  if (taken.length > 0) {
    throw new DeskError(
      "conflict",
      `the demo story cannot be loaded: this workspace already has ${taken.join(", ")}`,
    );
  }
}

/** Writes the setting in the story's unit of work. */
export async function writeSetting(uow: UnitOfWork, workspaceId: string): Promise<Setting> {
  const { tx } = uow;
  await refuseCollisions(tx, workspaceId);
  const since = daysBefore(uow.now, 8 * 366 + 30);
  const written = await writeBrands(uow, workspaceId, since);
  await tx.insert(slaPolicies).values({
    workspaceId,
    id: uow.newId(),
    brandId: written.northwind.id,
    channel: "chat",
    ...storyChatPolicy,
  });
  await tx.insert(cannedAnswers).values(
    storyCannedAnswers.map((c) => ({
      workspaceId,
      id: uow.newId(),
      brandId: written[c.brand].id,
      language: c.language,
      title: c.title,
      body: c.body,
    })),
  );
  const staff = await writeStaff(uow, workspaceId, since);
  const teamIds = {} as Record<"lumiere" | "northwind", string>;
  for (const key of ["lumiere", "northwind"] as const) {
    const t = storyTeams[key];
    const id = uow.newId();
    await tx
      .insert(teams)
      .values({ workspaceId, id, name: t.name, managerId: staff[t.manager].id, createdAt: since });
    await tx
      .insert(teamMembers)
      .values(t.members.map((m) => ({ workspaceId, teamId: id, userId: staff[m].id })));
    teamIds[key] = id;
  }
  const partnerId = uow.newId();
  await tx.insert(organisations).values({
    workspaceId,
    id: partnerId,
    name: storyPartner.name,
    domains: storyPartner.domains,
    isPartner: true,
    partnerManagerId: staff[storyPartner.partnerManager].id,
    notes: storyPartner.notes,
    createdAt: daysBefore(uow.now, 6 * 365),
  });
  return { brands: written, staff, teams: teamIds, partnerId };
}
