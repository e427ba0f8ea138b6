// The inbox list for the chosen view, brand, "mine" toggle, tag and search: the unanswered watch
// soonest due then most urgent first, the other views newest activity first, each as the API
// orders it; and how many conversations each view holds, for the tabs.
import { useCallback } from "react";
import { countViews, listConversations, listUnanswered } from "../api/conversations.ts";
import type { ConversationRow, Page, UnansweredConversation, ViewCounts } from "../api/types.ts";
import { type InboxView, sourceOf } from "../display/inbox-views.ts";
import { type AsyncResource, useAsync } from "./use-async.ts";
import { type PagedList, usePagedList } from "./use-paged-list.ts";

export type InboxFilter = {
  view: InboxView;
  mine: boolean;
  q: string;
  brand: string | null;
  tag: string | null;
};

export type InboxRow = ConversationRow | UnansweredConversation;

const idOf = (row: InboxRow) => row.id;

/** One page of a view, as the API orders it (the inbox list, and "send and next" after a reply). */
export function fetchInboxPage(
  filter: InboxFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<InboxRow>> {
  const { view, mine, q, brand, tag } = filter;
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
      snoozed: source.snoozed,
      assignee,
      brand: brand ?? undefined,
      q,
      tag: tag ?? undefined,
    },
    cursor,
    signal,
  );
}

export function useInboxList(filter: InboxFilter): PagedList<InboxRow> {
  const { view, mine, q, brand, tag } = filter;
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      fetchInboxPage({ view, mine, q, brand, tag }, cursor, signal),
    [view, mine, q, brand, tag],
  );
  // New conversations come on top at each refresh, without moving the rows the advisor is on.
  return usePagedList(JSON.stringify([view, mine, q.trim(), brand, tag]), fetchPage, idOf);
}

/** The tabs' counts for the "mine" toggle and brand in force. */
export function useViewCounts(mine: boolean, brand: string | null): AsyncResource<ViewCounts> {
  const load = useCallback(
    (signal: AbortSignal) =>
      countViews({ assignee: mine ? "me" : undefined, brand: brand ?? undefined }, signal),
    [mine, brand],
  );
  return useAsync(`counts:${mine}:${brand ?? ""}`, load);
}

/** A row of the unanswered watch carries its running clock's due time. */
export function isUnanswered(row: InboxRow): row is UnansweredConversation {
  return "due_at" in row;
}
