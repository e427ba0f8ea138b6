// Keeps a screen current without a socket: refreshes when the advisor comes back to the tab, and
// every minute while it is visible.
import { useEffect, useRef } from "react";

const INTERVAL_MS = 60_000;

export function useRefresh(refresh: () => void): void {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "visible") refreshRef.current();
    };
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") refreshRef.current();
    }, INTERVAL_MS);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, []);
}
