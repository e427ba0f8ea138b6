// The canned answers the composer offers, those in the conversation's language first. Loaded once
// per screen; without them the composer still works.
import { useCallback, useMemo } from "react";
import { listCannedAnswers } from "../api/canned-answers.ts";
import type { CannedAnswer } from "../api/types.ts";
import { type AsyncState, useAsync } from "./use-async.ts";

export type CannedAnswers = { state: AsyncState<CannedAnswer[]>; list: CannedAnswer[] };

export function useCannedAnswers(language: string | null, brandId: string): CannedAnswers {
  const load = useCallback(
    async (signal: AbortSignal) => (await listCannedAnswers(undefined, signal)).items,
    [],
  );
  const { state } = useAsync("canned-answers", load);
  const list = useMemo(() => {
    if (state.status !== "ready") return [];
    // Another brand's answers are not offered; the conversation's language comes first.
    const usable = state.data.filter((a) => a.brand_id === null || a.brand_id === brandId);
    const rank = (a: CannedAnswer) => (a.language === language ? 0 : 1);
    return [...usable].sort((a, b) => rank(a) - rank(b));
  }, [state, language, brandId]);
  return { state, list };
}
