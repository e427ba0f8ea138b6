// Business time as pure range algebra: the open intervals of a calendar, computed day by day
// in its own time zone so that DST changes and holidays fall where a person expects them.
import { Temporal } from "temporal-polyfill";
import { type BusinessCalendar, clockMinutes, weekdays } from "./calendar.ts";

/**
 * Thrown when a calendar has no opening within `closedDaysLimit` consecutive days (no weekly
 * hours at all, or holidays covering every open day): a due time cannot exist. Validated
 * calendars (see validateCalendar) never raise it except through an absurd holiday list.
 */
export class CalendarWithoutHoursError extends Error {
  readonly code = "calendar_without_hours";
  constructor(readonly timeZone: string) {
    super(`business calendar in ${timeZone} has no opening within ${closedDaysLimit} days`);
    this.name = "CalendarWithoutHoursError";
  }
}

/** About three years: the longest run of closed days searched before giving up. */
export const closedDaysLimit = 3 * 366;

type Interval = { start: number; end: number };
const minuteMs = 60_000;

/** The open intervals of one local date, as epoch milliseconds, sorted and merged. */
export function openingsOn(calendar: BusinessCalendar, date: Temporal.PlainDate): Interval[] {
  if (calendar.holidays.includes(date.toString())) return [];
  const day = weekdays[date.dayOfWeek - 1];
  const ranges = day ? calendar.weeklyHours[day] : [];
  const intervals: Interval[] = [];
  for (const range of ranges) {
    const start = instantAt(calendar.timeZone, date, clockMinutes(range.start));
    const end = instantAt(calendar.timeZone, date, clockMinutes(range.end));
    // A range inside a skipped DST hour collapses to nothing.
    if (start !== null && end !== null && end > start) intervals.push({ start, end });
  }
  intervals.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  const ms = at.getTime();
  return openingsOn(calendar, localDate(calendar, ms)).some((i) => i.start <= ms && ms < i.end);
}

/** `at` itself when the calendar is open then, else the start of the next opening. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  const first = intervalsFrom(calendar, at.getTime()).next();
  if (first.done) throw new CalendarWithoutHoursError(calendar.timeZone);
  return new Date(first.value.start);
}

/**
 * The instant when `minutes` of business time have passed since `start`; outside hours the
 * clock starts at the next opening. Throws CalendarWithoutHoursError when no opening exists.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`business minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  let remaining = Math.round(minutes * minuteMs);
  for (const interval of intervalsFrom(calendar, start.getTime())) {
    const length = interval.end - interval.start;
    if (remaining <= length) return new Date(interval.start + remaining);
    remaining -= length;
  }
  throw new CalendarWithoutHoursError(calendar.timeZone);
}

/**
 * Business minutes (possibly fractional) between two instants; negative when `to` is before
 * `from`. A calendar without hours counts zero.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  if (to < from) return -businessMinutesBetween(calendar, to, from);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const lastDate = localDate(calendar, toMs);
  let total = 0;
  for (
    let date = localDate(calendar, fromMs);
    Temporal.PlainDate.compare(date, lastDate) <= 0;
    date = date.add({ days: 1 })
  ) {
    for (const interval of openingsOn(calendar, date)) {
      total += Math.max(0, Math.min(interval.end, toMs) - Math.max(interval.start, fromMs));
    }
  }
  return total / minuteMs;
}

/** Open intervals ending after `fromMs`, clipped to start no earlier than it. */
function* intervalsFrom(calendar: BusinessCalendar, fromMs: number): Generator<Interval> {
  let closedDays = 0;
  for (let date = localDate(calendar, fromMs); closedDays < closedDaysLimit; ) {
    let opened = false;
    for (const interval of openingsOn(calendar, date)) {
      if (interval.end <= fromMs) continue;
      opened = true;
      yield { start: Math.max(interval.start, fromMs), end: interval.end };
    }
    closedDays = opened ? 0 : closedDays + 1;
    date = date.add({ days: 1 });
  }
}

function localDate(calendar: BusinessCalendar, ms: number): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(calendar.timeZone)
    .toPlainDate();
}

// "24:00" is the next day's start: Temporal clamps hour 24 to 23, so it is built separately.
function instantAt(
  timeZone: string,
  date: Temporal.PlainDate,
  minutes: number | null,
): number | null {
  if (minutes === null) return null;
  if (minutes === 1440) return date.add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds;
  const plainTime = new Temporal.PlainTime(Math.floor(minutes / 60), minutes % 60);
  return date.toZonedDateTime({ timeZone, plainTime }).epochMilliseconds;
}
