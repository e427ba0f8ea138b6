// The inbox's views and where each one reads from: the unanswered watch (ordered by time left, snoozed
// conversations included: the promise stands), the conversations of some statuses with spam, list
// mail and snoozed ones set aside, the snoozed ones, the Spam view, or the view of list and bulk mail
// (owed no answer until an advisor says so). The server counts the same views
// (src/store/queries/conversation-views.ts).
import type { ConversationStatus } from "../api/types.ts";

export const INBOX_VIEWS = [
  "unanswered",
  "waiting",
  "resolved",
  "all",
  "snoozed",
  "bulk",
  "spam",
] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export type InboxSource =
  | { kind: "unanswered" }
  | {
      kind: "conversations";
      statuses: readonly ConversationStatus[];
      spam: boolean;
      /** Undefined: list mail is not filtered (the Spam view shows all that is spam). */
      bulk?: boolean;
      /** false: snoozed conversations are left out (the active views); true: only them. */
      snoozed?: boolean;
    };

const SOURCES: Record<InboxView, InboxSource> = {
  unanswered: { kind: "unanswered" },
  waiting: {
    kind: "conversations",
    statuses: ["waiting_customer", "waiting_third_party"],
    spam: false,
    bulk: false,
    snoozed: false,
  },
  resolved: { kind: "conversations", statuses: ["resolved", "closed"], spam: false, bulk: false },
  all: { kind: "conversations", statuses: [], spam: false, bulk: false, snoozed: false },
  snoozed: { kind: "conversations", statuses: [], spam: false, snoozed: true },
  bulk: { kind: "conversations", statuses: [], spam: false, bulk: true },
  spam: { kind: "conversations", statuses: [], spam: true },
};

export function sourceOf(view: InboxView): InboxSource {
  return SOURCES[view];
}

/**
 * The view a search runs in: the unanswered watch cannot be searched, so a search started there
 * looks through every conversation (the tab says so).
 */
export function searchView(view: InboxView): InboxView {
  return view === "unanswered" ? "all" : view;
}

export function parseInboxView(value: string | null): InboxView {
  return INBOX_VIEWS.find((view) => view === value) ?? "unanswered";
}

/** A tab's count as shown: "1,000+" past the server's cap. */
export function countLabel(count: number, more: boolean, locale: string): string {
  const shown = new Intl.NumberFormat(locale).format(count);
  return more ? `${shown}+` : shown;
}
