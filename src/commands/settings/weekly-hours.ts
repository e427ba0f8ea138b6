// Weekly opening hours (a calendar's, or a user's schedule) checked by the calendar rules of the
// domain; every problem found is answered at once (400 with the list).
import {
  type BusinessCalendar,
  type OpeningRange,
  validateCalendar,
  type Weekday,
  weekdays,
} from "../../domain/sla/calendar.ts";
import { DeskError } from "../../errors.ts";

export type PartialWeek = Partial<Record<Weekday, OpeningRange[]>>;

/** Every day of the week, a day not given being closed. */
export function fullWeek(week: PartialWeek): Record<Weekday, OpeningRange[]> {
  return Object.fromEntries(weekdays.map((day) => [day, week[day] ?? []])) as Record<
    Weekday,
    OpeningRange[]
  >;
}

const apiPath = (path: string) =>
  path
    .replace(/^weeklyHours/, "weekly_hours")
    .replace(/^timeZone/, "time_zone")
    .replace(/\.(\d+)/g, "/$1")
    .replace(/\./g, "/");

/** Throws invalid_input listing every problem, with paths as the API spells them. */
export function assertValidCalendar(calendar: BusinessCalendar, rename?: string): void {
  const problems = validateCalendar(calendar);
  if (problems.length === 0) return;
  const errors = problems.map((problem) => {
    const path = apiPath(problem.path);
    return {
      where: "body",
      path: `/${rename ? path.replace(/^weekly_hours/, rename) : path}`,
      code: problem.code,
      message: problem.message,
    };
  });
  const first = errors[0];
  throw new DeskError("invalid_input", `body ${first?.path}: ${first?.message}`, { errors });
}
