// Pure helpers of the reports screen: the period a choice stands for, the rows of the workload
// chart with names on them, and the sentence that sums a chart up for those who cannot see it.
import type { CharterReport, WorkloadReport } from "../../api/reports.ts";

export const PERIODS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIODS)[number];

/** The last `days` days up to `now`, as the API's `from` and `to`. */
export function periodOf(days: number, now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() };
}

export type WorkloadRow = {
  name: string;
  open: number;
  owed: number;
  overdue: number;
  breached: number;
  answers: number;
};

/** One row per advisor with a name ("Unassigned" for nobody, the id for an unknown user). */
export function workloadRows(
  report: WorkloadReport,
  nameOf: (id: string) => string | undefined,
  nobody: string,
): WorkloadRow[] {
  return report.advisors.map((a) => ({
    name: a.user_id === null ? nobody : (nameOf(a.user_id) ?? a.user_id),
    open: a.open,
    owed: a.owed,
    overdue: a.overdue,
    breached: a.breached,
    answers: a.answers,
  }));
}

/** The busiest row (most owed, then most open), for the chart's summary; null when all are idle. */
export function busiest(rows: readonly WorkloadRow[]): WorkloadRow | null {
  const candidates = rows.filter((r) => r.open > 0);
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) =>
    b.owed > a.owed || (b.owed === a.owed && b.open > a.open) ? b : a,
  );
}

export type ChannelRow = { channel: string; answered: number | null; withinPromise: number | null };

/** The charter's per-channel percentages, the channels with conversations only. */
export function charterRows(report: CharterReport): ChannelRow[] {
  return report.channels
    .filter((c) => c.counted > 0)
    .map((c) => ({
      channel: c.channel,
      answered: c.percent_answered,
      withinPromise: c.percent_within_promise,
    }));
}
