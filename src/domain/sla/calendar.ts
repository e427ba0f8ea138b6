// A business calendar: weekly opening hours in a time zone, minus holidays. The shape stored
// per brand, its Mon–Fri 09:00–18:00 default, and the checks a calendar must pass.
import { Temporal } from "temporal-polyfill";

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

/** "HH:MM" on a 24-hour clock; "24:00" is allowed as an end and means the next midnight. */
export type ClockTime = string;
export type OpeningRange = { start: ClockTime; end: ClockTime };

export type BusinessCalendar = {
  timeZone: string;
  weeklyHours: Record<Weekday, OpeningRange[]>;
  /** ISO dates (YYYY-MM-DD) in the calendar's time zone; each closes the whole day. */
  holidays: string[];
};

export type CalendarProblem = {
  path: string;
  code:
    | "invalid_time_zone"
    | "invalid_time"
    | "empty_range"
    | "overlapping_ranges"
    | "invalid_holiday"
    | "no_open_hours";
  message: string;
};

const clockTimePattern = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes since midnight for a valid "HH:MM" (1440 for "24:00"), else null. */
export function clockMinutes(time: ClockTime): number | null {
  const match = clockTimePattern.exec(time);
  if (!match) return null;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

export function defaultCalendar(timeZone: string): BusinessCalendar {
  const workday = (): OpeningRange[] => [{ start: "09:00", end: "18:00" }];
  return {
    timeZone,
    weeklyHours: {
      mon: workday(),
      tue: workday(),
      wed: workday(),
      thu: workday(),
      fri: workday(),
      sat: [],
      sun: [],
    },
    holidays: [],
  };
}

/** Every problem found in a calendar; an empty list means it is usable for due times. */
export function validateCalendar(calendar: BusinessCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (!isTimeZone(calendar.timeZone)) {
    problems.push({
      path: "timeZone",
      code: "invalid_time_zone",
      message: `unknown time zone "${calendar.timeZone}"`,
    });
  }
  let openRanges = 0;
  for (const day of weekdays) {
    const ranges: Array<{ start: number; end: number; index: number }> = [];
    calendar.weeklyHours[day].forEach((range, index) => {
      const path = `weeklyHours.${day}.${index}`;
      const start = clockMinutes(range.start);
      const end = clockMinutes(range.end);
      if (start === null || start === 1440 || end === null) {
        problems.push({ path, code: "invalid_time", message: "times are HH:MM, 00:00 to 24:00" });
      } else if (end <= start) {
        problems.push({ path, code: "empty_range", message: "a range must end after it starts" });
      } else {
        ranges.push({ start, end, index });
      }
    });
    ranges.sort((a, b) => a.start - b.start);
    ranges.forEach((range, i) => {
      const previous = ranges[i - 1];
      if (previous && range.start < previous.end) {
        problems.push({
          path: `weeklyHours.${day}.${range.index}`,
          code: "overlapping_ranges",
          message: `overlaps range ${previous.index} of the same day`,
        });
      }
    });
    openRanges += ranges.length;
  }
  if (openRanges === 0) {
    problems.push({
      path: "weeklyHours",
      code: "no_open_hours",
      message: "a calendar needs at least one opening range",
    });
  }
  calendar.holidays.forEach((holiday, index) => {
    if (!isIsoDate(holiday)) {
      problems.push({
        path: `holidays.${index}`,
        code: "invalid_holiday",
        message: `"${holiday}" is not a date (YYYY-MM-DD)`,
      });
    }
  });
  return problems;
}

function isTimeZone(timeZone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

function isIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" }).toString() === value;
  } catch {
    return false;
  }
}
