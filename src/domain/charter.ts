// The commitment charter (docs/CONTRACT.md §6): % answered, % within promise, median and p90 time to the
// first human answer, in wall-clock and business minutes, per channel and overall. Pure.
import type { Channel, CloseReason, ConversationStatus } from "./conversation/status.ts";
import { businessMinutesBetween } from "./sla/business-hours.ts";
import type { BusinessCalendar } from "./sla/calendar.ts";

export type CharterRow = {
  channel: Channel;
  status: ConversationStatus;
  closeReason: CloseReason | null;
  spam: boolean;
  /** List or bulk mail that no advisor has said is owed an answer: counted like spam. */
  bulk?: boolean;
  createdAt: Date;
  firstHumanAnswerAt: Date | null;
  promisedFirstResponseAt: Date | null;
};

export type CharterFigures = {
  conversations: number;
  counted: number;
  answered: number;
  percentAnswered: number | null;
  withinPromise: number;
  promiseCounted: number;
  percentWithinPromise: number | null;
  firstResponseMinutes: { median: number | null; p90: number | null };
  firstResponseBusinessMinutes: { median: number | null; p90: number | null };
};

const excluded = new Set<CloseReason | null>(["spam", "duplicate", "merged"]);

/** The nearest-rank percentile of sorted values (p in 0–100); null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

export function charterFigures(
  rows: readonly CharterRow[],
  now: Date,
  calendar: BusinessCalendar,
): CharterFigures {
  const counted = rows.filter((r) => !r.spam && !r.bulk && !excluded.has(r.closeReason));
  const answered = counted.filter(
    (r) => r.firstHumanAnswerAt !== null || r.closeReason === "nothing_to_answer",
  );
  let promiseCounted = 0;
  let withinPromise = 0;
  const wall: number[] = [];
  const business: number[] = [];
  for (const r of counted) {
    if (r.firstHumanAnswerAt) {
      wall.push((r.firstHumanAnswerAt.getTime() - r.createdAt.getTime()) / 60_000);
      business.push(businessMinutesBetween(calendar, r.createdAt, r.firstHumanAnswerAt));
    }
    if (!r.promisedFirstResponseAt) continue;
    if (r.firstHumanAnswerAt) {
      promiseCounted++;
      if (r.firstHumanAnswerAt <= r.promisedFirstResponseAt) withinPromise++;
    } else if (r.closeReason !== "nothing_to_answer" && r.promisedFirstResponseAt < now) {
      promiseCounted++; // still unanswered and overdue: a broken promise
    }
  }
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  wall.sort((a, b) => a - b);
  business.sort((a, b) => a - b);
  return {
    conversations: rows.length,
    counted: counted.length,
    answered: answered.length,
    percentAnswered: percent(answered.length, counted.length),
    withinPromise,
    promiseCounted,
    percentWithinPromise: percent(withinPromise, promiseCounted),
    firstResponseMinutes: { median: round(percentile(wall, 50)), p90: round(percentile(wall, 90)) },
    firstResponseBusinessMinutes: {
      median: round(percentile(business, 50)),
      p90: round(percentile(business, 90)),
    },
  };
}

/** The figures overall and per channel. */
export function charterByChannel(
  rows: readonly CharterRow[],
  now: Date,
  calendar: BusinessCalendar,
) {
  const channels = [...new Set(rows.map((r) => r.channel))].sort();
  return {
    overall: charterFigures(rows, now, calendar),
    channels: channels.map((channel) => ({
      channel,
      ...charterFigures(
        rows.filter((r) => r.channel === channel),
        now,
        calendar,
      ),
    })),
  };
}

/** The languages the public charter page is written in. */
export const charterLanguages = ["en", "fr"] as const;
export type CharterLanguage = (typeof charterLanguages)[number];

const supported = (tag: string | undefined): CharterLanguage | null => {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return charterLanguages.find((l) => l === primary) ?? null;
};

/**
 * The reader's language for the public charter: `?lang=` when it names one we write, else the
 * first of the browser's `Accept-Language` we write (by weight), else the brand's, else English.
 */
export function charterLanguage(
  asked: string | undefined,
  acceptLanguage: string | undefined,
  brandLanguage: string,
): CharterLanguage {
  const fromQuery = supported(asked);
  if (fromQuery) return fromQuery;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const entry of ranked) {
    const language = supported(entry.tag);
    if (language) return language;
  }
  return supported(brandLanguage) ?? "en";
}
