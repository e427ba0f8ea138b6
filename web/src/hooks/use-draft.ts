// What the advisor is writing in a conversation, kept for this tab's session so that looking at
// the customer's timeline and coming back does not lose it.
import { useCallback, useEffect, useState } from "react";

function storageKey(conversationId: string): string {
  return `rapport.draft.${conversationId}`;
}

function readDraft(conversationId: string): string {
  try {
    return window.sessionStorage.getItem(storageKey(conversationId)) ?? "";
  } catch {
    return "";
  }
}

function forget(conversationId: string): void {
  try {
    window.sessionStorage.removeItem(storageKey(conversationId));
  } catch {
    // Storage refused: nothing was kept.
  }
}

export function useDraft(conversationId: string): [string, (body: string) => void] {
  const [draft, setDraft] = useState(() => readDraft(conversationId));

  useEffect(() => {
    try {
      if (draft !== "") window.sessionStorage.setItem(storageKey(conversationId), draft);
      else window.sessionStorage.removeItem(storageKey(conversationId));
    } catch {
      // Storage refused (private mode, quota): the draft still lives while the page is open.
    }
  }, [conversationId, draft]);

  // A sent draft is forgotten at once, even when the screen leaves in the same moment ("send and
  // next"), before the effect above would run.
  const set = useCallback(
    (body: string) => {
      setDraft(body);
      if (body === "") forget(conversationId);
    },
    [conversationId],
  );
  return [draft, set];
}
