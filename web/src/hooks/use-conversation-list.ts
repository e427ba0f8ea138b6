// The inbox list for the chosen view, "mine" toggle and search, newest activity first as the API orders it.
import { useCallback } from "react";
import { listConversations } from "../api/conversations.ts";
import type { Conversation } from "../api/types.ts";
import { type InboxView, STATUSES_BY_VIEW } from "../display/inbox-views.ts";
import { type PagedList, usePagedList } from "./use-paged-list.ts";

export type InboxFilter = { view: InboxView; mine: boolean; q: string };

export function useConversationList(filter: InboxFilter): PagedList<Conversation> {
  const { view, mine, q } = filter;
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      listConversations(
        { statuses: STATUSES_BY_VIEW[view], assignee: mine ? "me" : undefined, q },
        cursor,
        signal,
      ),
    [view, mine, q],
  );
  return usePagedList(JSON.stringify([view, mine, q.trim()]), fetchPage);
}
