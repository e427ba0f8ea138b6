// Changes a business calendar; the result must still pass the domain's calendar rules (else 400).
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { calendars } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { changesBetween } from "./changes.ts";
import { type CalendarFields, calendarFields, sortedHolidays } from "./create-calendar.ts";
import { requireSettingsRole } from "./guards.ts";
import { recomputeClocksLater } from "./recompute-clocks-later.ts";
import { assertValidCalendar, fullWeek } from "./weekly-hours.ts";

export async function updateCalendar(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: Partial<CalendarFields> },
) {
  requireSettingsRole(p);
  const { tx, now } = uow;
  const ws = and(eq(calendars.workspaceId, p.workspaceId), eq(calendars.id, id));
  const [before] = await tx.select().from(calendars).where(ws).for("update");
  if (!before) throw new DeskError("not_found", "no such calendar");
  const next = {
    ...before,
    name: patch.name ?? before.name,
    timeZone: patch.timeZone ?? before.timeZone,
    weeklyHours: patch.weeklyHours ? fullWeek(patch.weeklyHours) : before.weeklyHours,
    holidays: patch.holidays ? sortedHolidays(patch.holidays) : before.holidays,
  };
  assertValidCalendar(next);
  const changes = changesBetween(before, next, calendarFields);
  if (!changes) return before;
  const [after] = await tx
    .update(calendars)
    .set({
      name: next.name,
      timeZone: next.timeZone,
      weeklyHours: next.weeklyHours,
      holidays: next.holidays,
      updatedAt: now,
    })
    .where(ws)
    .returning();
  if (!after) throw new Error("the calendar vanished");
  await uow.record({
    type: "calendar.updated",
    data: { calendar_id: id },
    ...changes,
  });
  await recomputeClocksLater(uow, p.workspaceId);
  return after;
}
