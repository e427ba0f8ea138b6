// Adds a user of the desk with their whole profile (role, languages, schedule, out-of-office,
// capacity); the password is stored only as its argon2 hash.
import { and, eq } from "drizzle-orm";
import type { Role } from "../../domain/access/roles.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { users } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { hashPassword } from "../access/secrets.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { snapshotOf } from "./changes.ts";
import { isUniqueViolation, requireSettingsRole } from "./guards.ts";
import { assertValidCalendar, fullWeek, type PartialWeek } from "./weekly-hours.ts";

export type UserFields = {
  email: string;
  name: string;
  role: Role;
  languages: string[];
  timeZone: string | null;
  schedule: PartialWeek | null;
  outOfOffice: { from: Date; until: Date } | null;
  capacity: number | null;
  active: boolean;
  /** Write-only: hashed with argon2, never stored or returned as given. */
  password: string;
};

export type NewUser = Pick<UserFields, "email" | "name" | "role"> & Partial<UserFields>;

/** The fields an event may show: never the password or its hash. */
export const userFields = [
  "email",
  "name",
  "role",
  "languages",
  "timeZone",
  "schedule",
  "outOfOfficeFrom",
  "outOfOfficeUntil",
  "capacity",
  "active",
] as const;

export function checkedSchedule(schedule: PartialWeek | null | undefined, timeZone: string | null) {
  if (!schedule) return null;
  const weeklyHours = fullWeek(schedule);
  assertValidCalendar({ timeZone: timeZone ?? "UTC", weeklyHours, holidays: [] }, "schedule");
  return weeklyHours;
}

export async function assertEmailFree(tx: Tx, workspaceId: string, email: string, userId: string) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.email, email)));
  if (taken && taken.id !== userId) {
    throw new DeskError("conflict", `a user with the email ${email} exists already`);
  }
}

export const emailConflict = (error: unknown) =>
  isUniqueViolation(error)
    ? new DeskError("conflict", "a user with this email exists already")
    : error;

export async function addUser(uow: UnitOfWork, p: Principal, input: NewUser) {
  requireSettingsRole(p);
  const email = input.email.trim().toLowerCase();
  const timeZone = input.timeZone ?? null;
  const schedule = checkedSchedule(input.schedule, timeZone);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = uow.newId();
  try {
    const { tx, now } = uow;
    await assertEmailFree(tx, p.workspaceId, email, id);
    const [user] = await tx
      .insert(users)
      .values({
        workspaceId: p.workspaceId,
        id,
        email,
        name: input.name,
        role: input.role,
        languages: input.languages ?? ["en"],
        passwordHash,
        schedule,
        timeZone,
        outOfOfficeFrom: input.outOfOffice?.from ?? null,
        outOfOfficeUntil: input.outOfOffice?.until ?? null,
        capacity: input.capacity ?? null,
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!user) throw new Error("insert returned no user");
    await uow.record({
      type: "user.created",
      after: { id, ...snapshotOf(user, userFields) },
      data: { password_set: passwordHash !== null },
    });
    return user;
  } catch (error) {
    throw emailConflict(error);
  }
}
