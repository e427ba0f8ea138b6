// Loads one thing for the screen, again whenever its key changes, cancelling the previous load.
import { useCallback, useEffect, useRef, useState } from "react";

export type AsyncState<T> =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "ready"; data: T };

export type AsyncResource<T> = {
  state: AsyncState<T>;
  /** Loads again; the current data stays on screen until the new one arrives. */
  reload: () => void;
  /** Replaces the data with what a write answered, without a round trip. */
  update: (change: (data: T) => T) => void;
};

export function useAsync<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): AsyncResource<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const loadedKey = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key or a reload is what triggers a load.
  useEffect(() => {
    const controller = new AbortController();
    // A new key shows a loading state; a reload of the same key keeps the data meanwhile.
    if (loadedKey.current !== key) setState({ status: "loading" });
    loadRef.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        loadedKey.current = key;
        setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const update = useCallback((change: (data: T) => T) => {
    setState((current) =>
      current.status === "ready" ? { status: "ready", data: change(current.data) } : current,
    );
  }, []);

  return { state, reload, update };
}
