// Reads `token create --expires`: a number of days or hours from now ("90d", "12h"), or an
// ISO-8601 date or instant ("2027-01-31", "2027-01-31T18:00:00Z"; a bare date is midnight UTC).
import { UsageError } from "./run-command.ts";

const hourMs = 3_600_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** The date's own fields, checked: JavaScript would roll 2027-02-30 over to March. */
function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function instantOf(text: string, now: Date): Date | null {
  const relative = /^(\d{1,5})([dh])$/.exec(text);
  if (relative) {
    const hours = Number(relative[1]) * (relative[2] === "d" ? 24 : 1);
    return new Date(now.getTime() + hours * hourMs);
  }
  const iso = isoDate.exec(text);
  if (!iso || !realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function parseExpiry(text: string, now: Date): Date {
  const at = instantOf(text.trim(), now);
  if (!at) {
    throw new UsageError(
      `--expires: "${text}" is neither a duration (90d, 12h) nor an ISO date (2027-01-31)`,
    );
  }
  if (at.getTime() <= now.getTime())
    throw new UsageError(`--expires: ${text} is not in the future`);
  return at;
}
