// One conversation with its thread, and what an advisor does to it: change its settings, tags or
// snooze, mark it as spam or not, as list mail or owed an answer, write a reply or a note. After
// each, the conversation is read back: whether it is owed an answer is the server's to say. A refused close (no human
// answer yet) is kept so the screen can ask for a close reason; any other refusal is shown as it is.
import { useCallback, useEffect, useRef, useState } from "react";
import {
  changeConversation,
  escalate,
  fetchConversation,
  markBulk,
  markSpam,
  type NewMessage,
  postMessage,
  snooze as snoozeConversation,
} from "../api/conversations.ts";
import type {
  CloseReason,
  Conversation,
  ConversationChange,
  ConversationWithMessages,
  Message,
} from "../api/types.ts";
import { type CloseRefusal, closeRefusalOf } from "../display/close-refusal.ts";
import { type AsyncState, useAsync } from "./use-async.ts";

// A reply counts once it has left: read back until it is no longer queued, for a minute at most.
const FOLLOW_UP_DELAYS_MS = [
  1_000, 2_000, 3_000, 5_000, 8_000, 12_000, 20_000, 30_000, 45_000, 60_000,
];

export type SaveState = "idle" | "saving" | "saved";

export type ConversationScreen = {
  state: AsyncState<ConversationWithMessages>;
  reload: () => void;
  save: SaveState;
  saveError: unknown;
  closeRefusal: CloseRefusal | null;
  change: (change: ConversationChange) => Promise<void>;
  closeWithReason: (reason: CloseReason) => Promise<void>;
  dismissCloseRefusal: () => void;
  setSpam: (spam: boolean) => Promise<void>;
  setBulk: (bulk: boolean) => Promise<void>;
  escalateToManager: () => Promise<void>;
  /** `until` an ISO instant, or null to wake it now. */
  snooze: (until: string | null) => Promise<void>;
  send: (message: NewMessage, idempotencyKey: string) => Promise<Message>;
};

export function useConversation(id: string): ConversationScreen {
  const load = useCallback((signal: AbortSignal) => fetchConversation(id, signal), [id]);
  const { state, reload, update } = useAsync(`conversation:${id}`, load);
  const [save, setSave] = useState<SaveState>("idle");
  const [saveError, setSaveError] = useState<unknown>(null);
  const [closeRefusal, setCloseRefusal] = useState<CloseRefusal | null>(null);

  const change = useCallback(
    async (requested: ConversationChange) => {
      setSave("saving");
      setSaveError(null);
      setCloseRefusal(null);
      try {
        const conversation = await changeConversation(id, requested);
        update((current) => ({ ...current, ...conversation }));
        setSave("saved");
        reload();
      } catch (error) {
        setSave("idle");
        const refusal = closeRefusalOf(error, requested);
        if (refusal) setCloseRefusal(refusal);
        else setSaveError(error);
      }
    },
    [id, update, reload],
  );

  const closeWithReason = useCallback(
    async (reason: CloseReason) => {
      if (!closeRefusal) return;
      await change({ status: closeRefusal.status, close_reason: reason });
    },
    [change, closeRefusal],
  );

  const dismissCloseRefusal = useCallback(() => setCloseRefusal(null), []);

  // Spam and list mail are views that owe nothing: moving a conversation in or out of one changes
  // its clocks (and, for spam, its messages' flags): both are read back.
  const refile = useCallback(
    async (mark: () => Promise<Conversation>) => {
      setSave("saving");
      setSaveError(null);
      setCloseRefusal(null);
      try {
        const conversation = await mark();
        update((current) => ({ ...current, ...conversation }));
        setSave("saved");
        reload();
      } catch (error) {
        setSave("idle");
        setSaveError(error);
      }
    },
    [update, reload],
  );
  const setSpam = useCallback((spam: boolean) => refile(() => markSpam(id, spam)), [id, refile]);
  const setBulk = useCallback((bulk: boolean) => refile(() => markBulk(id, bulk)), [id, refile]);
  const escalateToManager = useCallback(() => refile(() => escalate(id)), [id, refile]);
  const snooze = useCallback(
    (until: string | null) => refile(() => snoozeConversation(id, until)),
    [id, refile],
  );

  // A reply is queued, then sent by a job: its delivery, and whether it counts as the human
  // answer, are read back a little later.
  const followUps = useRef<number[]>([]);
  const queuedReplies = useRef(false);
  queuedReplies.current =
    state.status === "ready" &&
    state.data.messages.some((m) => m.direction === "outbound" && m.delivery === "queued");
  useEffect(
    () => () => {
      for (const timer of followUps.current) window.clearTimeout(timer);
    },
    [],
  );

  const send = useCallback(
    async (written: NewMessage, idempotencyKey: string) => {
      const message = await postMessage(id, written, idempotencyKey);
      // A retried click is answered with the message already written: shown once.
      update((current) => ({
        ...current,
        messages: [...current.messages.filter((m) => m.id !== message.id), message],
      }));
      // A reply or a note moves the status and the clocks on the server: read them back.
      reload();
      if (written.kind === "reply") {
        for (const timer of followUps.current) window.clearTimeout(timer);
        followUps.current = FOLLOW_UP_DELAYS_MS.map((delay) =>
          window.setTimeout(() => {
            if (queuedReplies.current) reload();
          }, delay),
        );
      }
      return message;
    },
    [id, update, reload],
  );

  return {
    state,
    reload,
    save,
    saveError,
    closeRefusal,
    change,
    closeWithReason,
    dismissCloseRefusal,
    setSpam,
    setBulk,
    escalateToManager,
    snooze,
    send,
  };
}
