// "Send and next": which conversation of the view the advisor came from comes after this one.
import type { InboxFilter } from "../hooks/use-inbox-list.ts";
import { parseInboxView, searchView } from "./inbox-views.ts";

/** The inbox view an inbox address shows ("/?view=waiting&mine=1" → the waiting view, mine). */
export function inboxFilterOf(inboxPath: string): InboxFilter {
  const params = new URLSearchParams(inboxPath.split("?")[1] ?? "");
  const q = params.get("q") ?? "";
  const requested = parseInboxView(params.get("view"));
  return {
    view: q.trim() !== "" ? searchView(requested) : requested,
    mine: params.get("mine") === "1",
    q,
    brand: params.get("brand"),
    tag: params.get("tag"),
  };
}

/** The view's next page is needed when this conversation is the last one read so far. */
export function needsNextPage(ids: readonly string[], currentId: string): boolean {
  return ids.length > 0 && ids.at(-1) === currentId;
}

/**
 * The one after `currentId` in the view as it stands now; when the reply took this one out of the
 * view (answered, it leaves the unanswered watch), the view's first; after the last one, the view
 * starts again from its first. Null when no other is left.
 */
export function nextConversationId(ids: readonly string[], currentId: string): string | null {
  const at = ids.indexOf(currentId);
  const after = at >= 0 ? ids[at + 1] : undefined;
  return after ?? ids.find((id) => id !== currentId) ?? null;
}
