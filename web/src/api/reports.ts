// The reports a manager reads: the commitment charter of a brand and the desk's workload.
import { api, query } from "./client.ts";

export type CharterFigures = {
  conversations: number;
  counted: number;
  answered: number;
  percent_answered: number | null;
  within_promise: number;
  promise_counted: number;
  percent_within_promise: number | null;
  first_response_minutes: { median: number | null; p90: number | null };
  first_response_business_minutes: { median: number | null; p90: number | null };
};

export type CharterReport = {
  brand: { id: string; slug: string; name: string };
  from: string;
  to: string;
  overall: CharterFigures;
  channels: Array<CharterFigures & { channel: string }>;
};

export type WorkloadFigures = { open: number; owed: number; overdue: number; breached: number };

export type WorkloadReport = {
  from: string;
  to: string;
  at: string;
  totals: WorkloadFigures & { answers: number };
  advisors: Array<
    WorkloadFigures & { user_id: string | null; answers: number; answered_conversations: number }
  >;
  teams: Array<WorkloadFigures & { team_id: string | null }>;
};

export type Period = { from?: string; to?: string };

export function fetchCharter(
  brand: string | undefined,
  period: Period,
  signal?: AbortSignal,
): Promise<CharterReport> {
  return api("GET", `/api/v1/reports/charter${query({ brand, ...period })}`, { signal });
}

export function fetchWorkload(period: Period, signal?: AbortSignal): Promise<WorkloadReport> {
  return api("GET", `/api/v1/reports/workload${query(period)}`, { signal });
}

export type ContinuityFigures = {
  conversations: number;
  with_advisor: number;
  kept: number;
  transfers: number;
  continuity_rate: number | null;
  transfers_per_conversation: number | null;
};

export type ContinuityReport = {
  from: string;
  to: string;
  totals: ContinuityFigures;
  teams: Array<ContinuityFigures & { team_id: string | null }>;
  advisors: Array<ContinuityFigures & { advisor_id: string | null }>;
};

export function fetchContinuity(
  period: Period & { team?: string },
  signal?: AbortSignal,
): Promise<ContinuityReport> {
  return api("GET", `/api/v1/reports/continuity${query(period)}`, { signal });
}
