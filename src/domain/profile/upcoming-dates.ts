// The customer's important dates that fall in the coming days: yearly ones (a birthday, an
// anniversary, a renewal, the day they became a customer) on their next occurrence, others once.
// Days are calendar days ("YYYY-MM-DD"); today is the customer's, computed by the caller.

export type ImportantDay = { kind: string; date: string };
export type UpcomingDate = {
  kind: string;
  /** The day as recorded. */
  date: string;
  /** The day it falls next. */
  on: string;
  /** 0 today, 1 tomorrow… */
  in_days: number;
  /** For a yearly date: how many years it will be on that day (an age, years as a customer). */
  years: number | null;
};

export const yearlyKinds = ["birthday", "anniversary", "renewal", "customer_since"] as const;
const yearly = new Set<string>(yearlyKinds);

const dayShape = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

function parts(day: string) {
  const m = dayShape.exec(day);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const utc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The yearly date's day in `year`: 29 February falls on the 28th when the year has none. */
function inYear(date: { month: number; day: number }, year: number) {
  const day = date.month === 2 && date.day === 29 && !isLeap(year) ? 28 : date.day;
  return utc(year, date.month, day);
}

/** The dates falling from today to `horizonDays` days ahead, soonest first. */
export function upcomingDates(
  dates: readonly ImportantDay[],
  today: string,
  horizonDays = 30,
): UpcomingDate[] {
  const now = parts(today);
  if (!now) throw new Error(`not a day: ${today}`);
  const start = utc(now.year, now.month, now.day);
  const found: UpcomingDate[] = [];
  for (const d of dates) {
    const date = parts(d.date);
    if (!date) continue;
    let on: number;
    let years: number | null = null;
    if (yearly.has(d.kind.toLowerCase())) {
      let year = now.year;
      on = inYear(date, year);
      if (on < start) on = inYear(date, ++year);
      years = year - date.year;
      // A yearly date recorded in the future (next renewal) counts from then, not before it.
      if (years < 0) continue;
    } else {
      on = utc(date.year, date.month, date.day);
    }
    const inDays = Math.round((on - start) / dayMs);
    if (inDays < 0 || inDays > horizonDays) continue;
    found.push({ kind: d.kind, date: d.date, on: iso(on), in_days: inDays, years });
  }
  return found.sort((a, b) => a.in_days - b.in_days || a.kind.localeCompare(b.kind));
}

/** The calendar day it is at `now` in `timeZone` (an IANA name), as "YYYY-MM-DD". */
export function dayIn(now: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return f.format(now);
}
