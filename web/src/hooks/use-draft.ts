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

export function useDraft(conversationId: string): [string, (body: string) => void] {
  const [draft, setDraft] = useState(() => readDraft(conversationId));

  useEffect(() => {
    try {
      if (draft === "") window.sessionStorage.removeItem(storageKey(conversationId));
      else window.sessionStorage.setItem(storageKey(conversationId), draft);
    } catch {
      // Storage refused (private mode, quota): the draft still lives while the page is open.
    }
  }, [conversationId, draft]);

  return [draft, useCallback((body: string) => setDraft(body), [])];
}
