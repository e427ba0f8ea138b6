// Keeps a screen current: refreshes after the live events it shows (use-live.ts), when the advisor
// comes back to the tab or the window, and at a steady interval while it is visible (what the
// stream cannot say, such as a clock crossing a due time).
import { useEffect, useRef } from "react";
import { anyChange, type LiveFilter, useLiveRefresh } from "./use-live.ts";

export function useRefresh(
  refresh: () => void,
  intervalMs = 60_000,
  live: LiveFilter = anyChange,
): void {
  useLiveRefresh(refresh, live);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  useEffect(() => {
    // Coming back fires both "visibilitychange" and "focus": one refresh is enough.
    let last = 0;
    const refreshNow = () => {
      if (document.visibilityState !== "visible") return;
      const now = Date.now();
      if (now - last < 1_000) return;
      last = now;
      refreshRef.current();
    };
    const timer = window.setInterval(refreshNow, intervalMs);
    document.addEventListener("visibilitychange", refreshNow);
    window.addEventListener("focus", refreshNow);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refreshNow);
      window.removeEventListener("focus", refreshNow);
    };
  }, [intervalMs]);
}
