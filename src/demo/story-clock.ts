// Turns the story's relative instants ("412 days ago at 09:14", "40 business minutes ago") into dates,
// read against the moment the story is loaded, so that the history always ends today.
import { Temporal } from "temporal-polyfill";
import { businessMinutesBetween } from "../domain/sla/business-hours.ts";
import type { BusinessCalendar } from "../domain/sla/calendar.ts";
import type { When } from "./story-types.ts";

const minuteMs = 60_000;

/** The latest instant before `now` with at least `minutes` business minutes between it and `now`. */
function businessMinutesBefore(calendar: BusinessCalendar, now: Date, minutes: number): Date {
  let early = now.getTime() - 30 * 86_400_000;
  let late = now.getTime();
  while (late - early > minuteMs) {
    const middle = Math.floor((early + late) / 2);
    if (businessMinutesBetween(calendar, new Date(middle), now) >= minutes) early = middle;
    else late = middle;
  }
  return new Date(early - (early % minuteMs));
}

export function instantOf(when: When, now: Date, calendar: BusinessCalendar): Date {
  switch (when.kind) {
    case "minutes":
      return new Date(now.getTime() - when.minutes * minuteMs);
    case "business":
      return businessMinutesBefore(calendar, now, when.minutes);
    case "day": {
      if (when.days < 1) throw new RangeError("a story day is at least one day before today");
      const zoned = Temporal.Instant.fromEpochMilliseconds(now.getTime())
        .toZonedDateTimeISO(calendar.timeZone)
        .toPlainDate()
        .subtract({ days: when.days })
        .toZonedDateTime({
          timeZone: calendar.timeZone,
          plainTime: Temporal.PlainTime.from(when.time),
        });
      return new Date(zoned.epochMilliseconds);
    }
  }
}

/** So many days before now (a customer's first day, a date of the past). */
export const daysBefore = (now: Date, days: number): Date =>
  new Date(now.getTime() - days * 86_400_000);

/** An ISO date (YYYY-MM-DD) so many days away from now: a holiday or an important date to come. */
export const isoDateFrom = (now: Date, days: number): string =>
  new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
