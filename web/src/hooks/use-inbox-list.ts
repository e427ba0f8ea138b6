// The inbox list for the chosen view, brand, "mine" toggle and search: the unanswered watch soonest
// due first, the other views newest activity first, each as the API orders it.
import { useCallback } from "react";
import { listConversations, listUnanswered } from "../api/conversations.ts";
import type { Conversation, Page, UnansweredConversation } from "../api/types.ts";
import { type InboxView, sourceOf } from "../display/inbox-views.ts";
import { type PagedList, usePagedList } from "./use-paged-list.ts";

export type InboxFilter = { view: InboxView; mine: boolean; q: string; brand: string | null };

export type InboxRow = Conversation | UnansweredConversation;

/** One page of a view, as the API orders it (the inbox list, and "send and next" after a reply). */
export function fetchInboxPage(
  filter: InboxFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<InboxRow>> {
  const { view, mine, q, brand } = filter;
  const source = sourceOf(view);
  const assignee = mine ? ("me" as const) : undefined;
  if (source.kind === "unanswered") {
    return listUnanswered({ assignee, brand: brand ?? undefined }, cursor, signal);
  }
  return listConversations(
    {
      statuses: source.statuses,
      spam: source.spam,
      bulk: source.bulk,
      assignee,
      brand: brand ?? undefined,
      q,
    },
    cursor,
    signal,
  );
}

export function useInboxList(filter: InboxFilter): PagedList<InboxRow> {
  const { view, mine, q, brand } = filter;
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      fetchInboxPage({ view, mine, q, brand }, cursor, signal),
    [view, mine, q, brand],
  );
  return usePagedList(JSON.stringify([view, mine, q.trim(), brand]), fetchPage);
}

/** A row of the unanswered watch carries its running clock's due time. */
export function isUnanswered(row: InboxRow): row is UnansweredConversation {
  return "due_at" in row;
}
