// The inbox's views and the statuses each one lists.
import type { ConversationStatus } from "../api/types.ts";

export const INBOX_VIEWS = ["unanswered", "waiting", "resolved", "all"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const STATUSES_BY_VIEW: Record<InboxView, readonly ConversationStatus[]> = {
  unanswered: ["new", "open"],
  waiting: ["waiting_customer", "waiting_third_party"],
  resolved: ["resolved", "closed"],
  all: [],
};

export function parseInboxView(value: string | null): InboxView {
  return INBOX_VIEWS.find((view) => view === value) ?? "unanswered";
}
