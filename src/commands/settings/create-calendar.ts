// Creates a business calendar: weekly opening hours in a time zone, minus holidays (checked by the
// domain's calendar rules; problems answer 400 with the list).
import { defaultCalendar } from "../../domain/sla/calendar.ts";
import { calendars } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { snapshotOf } from "./changes.ts";
import { requireSettingsRole } from "./guards.ts";
import { assertValidCalendar, fullWeek, type PartialWeek } from "./weekly-hours.ts";

export type CalendarFields = {
  name: string;
  timeZone: string;
  weeklyHours: PartialWeek;
  holidays: string[];
};

export const calendarFields = ["name", "timeZone", "weeklyHours", "holidays"] as const;

/** Holidays once each, in date order. */
export const sortedHolidays = (holidays: readonly string[]) => [...new Set(holidays)].sort();

export async function createCalendar(
  uow: UnitOfWork,
  p: Principal,
  input: Pick<CalendarFields, "name" | "timeZone"> & Partial<CalendarFields>,
) {
  requireSettingsRole(p);
  const weeklyHours = input.weeklyHours
    ? fullWeek(input.weeklyHours)
    : defaultCalendar(input.timeZone).weeklyHours;
  const holidays = sortedHolidays(input.holidays ?? []);
  assertValidCalendar({ timeZone: input.timeZone, weeklyHours, holidays });
  const { tx, now } = uow;
  const [calendar] = await tx
    .insert(calendars)
    .values({
      workspaceId: p.workspaceId,
      id: uow.newId(),
      name: input.name,
      timeZone: input.timeZone,
      weeklyHours,
      holidays,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!calendar) throw new Error("insert returned no calendar");
  await uow.record({
    type: "calendar.created",
    after: { id: calendar.id, ...snapshotOf(calendar, calendarFields) },
  });
  return calendar;
}
