// The header's results as one list the arrow keys walk through: each customer, each conversation,
// then "all matching conversations" and "all matching customers".
import type { SearchResults } from "../../api/search.ts";

export type SearchOption =
  | { kind: "customer"; id: string; path: string }
  | { kind: "conversation"; id: string; path: string }
  | { kind: "all-conversations" | "all-customers"; id: string; path: string };

export function searchOptions(q: string, results: SearchResults): SearchOption[] {
  const words = encodeURIComponent(q);
  return [
    ...results.customers.map((c) => ({
      kind: "customer" as const,
      id: c.id,
      path: `/customers/${encodeURIComponent(c.id)}`,
    })),
    ...results.conversations.map((c) => ({
      kind: "conversation" as const,
      id: c.id,
      path: `/conversations/${encodeURIComponent(c.id)}`,
    })),
    { kind: "all-conversations", id: "all-conversations", path: `/?view=all&q=${words}` },
    { kind: "all-customers", id: "all-customers", path: `/customers?q=${words}` },
  ];
}

/** The option after (`step` 1) or before (-1) `index`, going round; -1 when there is none. */
export function movedIndex(index: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (index < 0) return step === 1 ? 0 : count - 1;
  return (index + step + count) % count;
}
