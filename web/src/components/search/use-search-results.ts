// The header's results for what the advisor typed, asked once they pause typing; nothing is asked
// for an empty box.
import { useCallback, useEffect, useState } from "react";
import { type SearchResults, searchEverywhere } from "../../api/search.ts";
import { type AsyncState, useAsync } from "../../hooks/use-async.ts";

const TYPING_PAUSE_MS = 200;
const nothing: SearchResults = { customers: [], conversations: [] };

/** `text` once it has stayed the same for a moment. */
export function useSettled(text: string, delayMs = TYPING_PAUSE_MS): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text), delayMs);
    return () => window.clearTimeout(timer);
  }, [text, delayMs]);
  return settled;
}

export function useSearchResults(q: string): AsyncState<SearchResults> {
  const load = useCallback(
    (signal: AbortSignal) => (q === "" ? Promise.resolve(nothing) : searchEverywhere(q, signal)),
    [q],
  );
  return useAsync(`search:${q}`, load).state;
}
