// The collision warning of an open conversation: says every 10 s that this advisor views it (typing
// when the composer is used, debounced), says so when leaving (also when the tab closes), and keeps
// the others' viewers from the live stream.
import { useCallback, useEffect, useRef, useState } from "react";
import { type PresenceState, sayLeft, sayPresent, type Viewer } from "../api/presence.ts";
import { useLiveEvents } from "./use-live.ts";

const HEARTBEAT_MS = 10_000;
/** Typing stays "typing" this long after the last key. */
const TYPING_MS = 5_000;

export type Presence = { others: Viewer[]; typing: () => void };

export function usePresence(conversationId: string, meId: string): Presence {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const state = useRef<PresenceState>("viewing");
  const typingUntil = useRef(0);

  useLiveEvents((event) => {
    if (event.type !== "presence.changed" || event.data.conversation_id !== conversationId) return;
    setViewers((event.data.viewers as Viewer[] | undefined) ?? []);
  });

  const say = useCallback(
    (next: PresenceState) => {
      state.current = next;
      // A lost heartbeat is only a missed warning; the next one tries again.
      sayPresent(conversationId, next).catch(() => undefined);
    },
    [conversationId],
  );

  useEffect(() => {
    say("viewing");
    const timer = window.setInterval(() => {
      say(Date.now() < typingUntil.current ? "typing" : "viewing");
    }, HEARTBEAT_MS);
    const leave = () => void sayLeft(conversationId).catch(() => undefined);
    window.addEventListener("pagehide", leave);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [conversationId, say]);

  const typing = useCallback(() => {
    const wasTyping = Date.now() < typingUntil.current;
    typingUntil.current = Date.now() + TYPING_MS;
    if (!wasTyping && state.current !== "typing") say("typing");
  }, [say]);

  return { others: viewers.filter((v) => v.user_id !== meId), typing };
}
