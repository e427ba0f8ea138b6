// The rows an advisor selected in a list, and one change applied to all of them: the ones the
// server refused stay selected, each with its reason.
import { useCallback, useState } from "react";
import { changeSelection } from "../api/conversations.ts";
import type { SelectionChange } from "../api/types.ts";

export type Refusal = { id: string; detail: string };

export type Selection = {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  clear: () => void;
  busy: boolean;
  /** How many the last change changed, and which it did not. */
  outcome: { changed: number; refused: Refusal[] } | null;
  error: unknown;
  apply: (ids: string[], change: SelectionChange) => Promise<void>;
};

export function useSelection(onChanged: () => void): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Selection["outcome"]>(null);
  const [error, setError] = useState<unknown>(null);

  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const clear = useCallback(() => {
    setSelected(new Set());
    setOutcome(null);
  }, []);

  const apply = useCallback(
    async (ids: string[], change: SelectionChange) => {
      if (ids.length === 0) return;
      setBusy(true);
      setError(null);
      try {
        const answer = await changeSelection(ids, change);
        const refused = answer.items.flatMap((item) =>
          item.ok ? [] : [{ id: item.id, detail: item.problem?.detail ?? "" }],
        );
        setOutcome({ changed: answer.items.length - refused.length, refused });
        setSelected(new Set(refused.map((r) => r.id)));
        onChanged();
      } catch (reason) {
        setError(reason);
      } finally {
        setBusy(false);
      }
    },
    [onChanged],
  );

  return { selected, toggle, clear, busy, outcome, error, apply };
}
