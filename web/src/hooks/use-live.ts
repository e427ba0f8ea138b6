// Live events for a screen: a listener kept current across renders, and a refresh that follows the
// events a screen shows (several at once make one refresh).
import { useEffect, useRef } from "react";
import { type LiveEvent, subscribeLive } from "../api/stream.ts";

export function useLiveEvents(listener: (event: LiveEvent) => void, enabled = true): void {
  const listenerRef = useRef(listener);
  listenerRef.current = listener;
  useEffect(() => {
    if (!enabled) return;
    return subscribeLive((event) => listenerRef.current(event));
  }, [enabled]);
}

/** What a screen shows: a refresh follows only the events it accepts. */
export type LiveFilter = (event: LiveEvent) => boolean;

/** Any change to the desk's conversations, messages or customers (presence aside). */
export const anyChange: LiveFilter = (event) => event.type !== "presence.changed";

/** Calls `refresh` after the events `accept` takes, at most once per `gatherMs`. */
export function useLiveRefresh(refresh: () => void, accept: LiveFilter, gatherMs = 300): void {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const acceptRef = useRef(accept);
  acceptRef.current = accept;
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  useLiveEvents((event) => {
    if (!acceptRef.current(event) || timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      refreshRef.current();
    }, gatherMs);
  });
}
