// Pure helpers of the settings screens: a day's opening hours as one line of text and back, holiday
// lists, minutes as hours, and the API's input problems sorted by the field they concern.
import type { FieldProblem } from "../../api/client.ts";
import { ApiProblem } from "../../api/client.ts";
import { type OpeningRange, WEEKDAYS, type Week } from "../../api/settings.ts";

/** "09:00–12:00, 13:00–18:00": how a day's ranges read and are typed. */
export function rangesText(ranges: readonly OpeningRange[] | undefined): string {
  return (ranges ?? []).map((r) => `${r.start}–${r.end}`).join(", ");
}

/**
 * The ranges a line of text names. It is not judged here: a piece the API will refuse (a bad time,
 * a missing end) is sent as typed so that the API's own problem, at its own path, says what is wrong.
 */
export function parseRanges(text: string): OpeningRange[] {
  return text
    .split(/[,;]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "")
    .map((piece) => {
      const [start = "", end = ""] = piece.split(/\s*[-–—]\s*|\s+(?:to|à)\s+/);
      return { start: start.trim(), end: end.trim() };
    });
}

export type WeekText = Record<(typeof WEEKDAYS)[number], string>;

export function weekText(week: Partial<Week> | null | undefined): WeekText {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, rangesText(week?.[day])])) as WeekText;
}

export function parseWeek(text: WeekText): Week {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, parseRanges(text[day])])) as Week;
}

/** Holidays kept sorted and without repeats (YYYY-MM-DD sorts as text). */
export function withHoliday(holidays: readonly string[], day: string): string[] {
  return [...new Set([...holidays, day])].sort();
}

export function withoutHoliday(holidays: readonly string[], day: string): string[] {
  return holidays.filter((h) => h !== day);
}

/** 270 → { hours: 4, minutes: 30 }: SLA targets are typed and read in hours and minutes. */
export function hoursAndMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** Hours and minutes as typed back into minutes; NaN when either is not a number. */
export function totalMinutes(hours: string, minutes: string): number {
  const h = hours.trim() === "" ? 0 : Number(hours);
  const m = minutes.trim() === "" ? 0 : Number(minutes);
  return h * 60 + m;
}

/**
 * The input problems of a failed save, by the top-level field they concern ("/weekly_hours/mon/0"
 * concerns `weekly_hours`); problems of the whole body are under "".
 */
export function problemsByField(error: unknown): Map<string, FieldProblem[]> {
  const byField = new Map<string, FieldProblem[]>();
  if (!(error instanceof ApiProblem)) return byField;
  for (const problem of error.errors) {
    const field = problem.path.split("/").filter(Boolean)[0] ?? "";
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  return byField;
}

/** Comma-separated text as a list without blanks ("a@x.fr, b@x.fr" → two addresses). */
export function listFromText(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** An instant as a `datetime-local` input shows it, in the browser's time zone ("" for none). */
export function localInputValue(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as the API's ISO instant; what cannot be read is sent as typed. */
export function instantFromInput(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** True when no day of the week has an opening range. */
export function isEmptyWeek(week: Week): boolean {
  return WEEKDAYS.every((day) => week[day].length === 0);
}

/** A calendar day (YYYY-MM-DD) in the console's language, whatever the browser's time zone. */
export function formatDay(day: string, locale: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

/** Business minutes as "4 hr 30 min" / "4 h 30 min", with Intl's own unit words. */
export function formatMinutes(total: number, locale: string): string {
  const { hours, minutes } = hoursAndMinutes(total);
  const unit = (value: number, u: "hour" | "minute") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "short" }).format(value);
  if (hours === 0) return unit(minutes, "minute");
  return minutes === 0 ? unit(hours, "hour") : `${unit(hours, "hour")} ${unit(minutes, "minute")}`;
}
