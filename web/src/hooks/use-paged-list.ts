// A keyset-paged list: the first page for a key, then "load more" with the cursor the API gave.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Page } from "../api/types.ts";

export type PagedList<T> = {
  status: "loading" | "error" | "ready";
  items: T[];
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: unknown;
  loadMore: () => void;
  /** Loads the first page again; what is on screen stays until it arrives. */
  reload: () => void;
  /**
   * A quiet reload of the first page. Once the advisor has paged further it would lose their
   * place: with `idOf`, what is new is put on top and the rest stays; without, it is skipped.
   */
  refresh: () => void;
};

export function usePagedList<T>(
  key: string,
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
  idOf?: (item: T) => string,
): PagedList<T> {
  const [status, setStatus] = useState<PagedList<T>["status"]>("loading");
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  // Aborts whatever belongs to a list that is no longer on screen (another key, a reload).
  const listController = useRef<AbortController | null>(null);
  const loadedKey = useRef<string | null>(null);
  const pagesLoaded = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key or a reload is what triggers a load.
  useEffect(() => {
    const controller = new AbortController();
    listController.current = controller;
    if (loadedKey.current !== key) setStatus("loading");
    setLoadingMore(false);
    setLoadMoreError(null);
    fetchRef.current(null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        loadedKey.current = key;
        pagesLoaded.current = 1;
        setItems(page.items);
        setCursor(page.next_cursor);
        setStatus("ready");
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setStatus("error");
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const loadMore = useCallback(() => {
    const controller = listController.current;
    if (!controller || cursor === null || loadingMore) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    fetchRef.current(cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        pagesLoaded.current += 1;
        setItems((current) => [...current, ...page.items]);
        setCursor(page.next_cursor);
        setLoadingMore(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setLoadMoreError(reason);
        setLoadingMore(false);
      },
    );
  }, [cursor, loadingMore]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const idRef = useRef(idOf);
  idRef.current = idOf;
  const refresh = useCallback(() => {
    if (pagesLoaded.current <= 1) {
      setGeneration((value) => value + 1);
      return;
    }
    const identify = idRef.current;
    const controller = listController.current;
    if (!identify || !controller) return;
    fetchRef.current(null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems((current) => {
          const known = new Set(current.map(identify));
          const fresh = page.items.filter((item) => !known.has(identify(item)));
          return fresh.length === 0 ? current : [...fresh, ...current];
        });
      },
      // A failed quiet refresh changes nothing on screen; the next one tries again.
      () => undefined,
    );
  }, []);

  return {
    status,
    items,
    error,
    hasMore: cursor !== null,
    loadingMore,
    loadMoreError,
    loadMore,
    reload,
    refresh,
  };
}
