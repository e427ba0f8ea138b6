// Canned answers for the composer: the workspace's reusable replies, in one language.
import { api, query } from "./client.ts";
import type { CannedAnswer, Page } from "./types.ts";

export function listCannedAnswers(
  language: string | undefined,
  signal?: AbortSignal,
): Promise<Page<CannedAnswer>> {
  return api("GET", `/api/v1/canned-answers${query({ language, limit: 100 })}`, { signal });
}
