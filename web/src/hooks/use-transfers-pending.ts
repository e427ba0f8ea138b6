// How many transfers wait for me, for the header's "Transfers to accept" badge: refreshed like the
// inbox's tab counts (every minute and when the advisor comes back), and on each change of screen so
// that an accepted or declined transfer leaves the count at once.
import { useCallback, useEffect, useRef } from "react";
import { useLocation } from "react-router";
import { countTransfersToAccept, type TransferCount } from "../api/transfers.ts";
import { useAsync } from "./use-async.ts";
import { useRefresh } from "./use-refresh.ts";

const REFRESH_MS = 60_000;

/** The count once known, or null (loading, or the count failed: the link stays usable without it). */
export function useTransfersPending(): TransferCount | null {
  const load = useCallback((signal: AbortSignal) => countTransfersToAccept(signal), []);
  const { state, reload } = useAsync("transfers-pending", load);
  useRefresh(reload, REFRESH_MS, (e) => e.type === "conversation.updated");
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    reload();
  }, [pathname, reload]);
  return state.status === "ready" ? state.data : null;
}
