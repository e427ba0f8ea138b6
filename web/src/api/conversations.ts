// Conversations: the inbox lists (the unanswered watch, the other views), one conversation with its
// thread, changes, new messages and the spam mark.
import { api, query } from "./client.ts";
import type {
  Conversation,
  ConversationChange,
  ConversationRow,
  ConversationStatus,
  ConversationWithMessages,
  Message,
  MessageKind,
  Page,
  SelectionChange,
  SelectionOutcome,
  UnansweredConversation,
  ViewCounts,
} from "./types.ts";

const PAGE_SIZE = 25;

export type ConversationFilter = {
  statuses: readonly ConversationStatus[];
  spam: boolean;
  bulk?: boolean;
  assignee?: "me";
  brand?: string;
  q?: string;
  tag?: string;
  /** false: the active views leave snoozed conversations out; true: only them. */
  snoozed?: boolean;
};

export function listConversations(
  filter: ConversationFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<ConversationRow>> {
  const path = `/api/v1/conversations${query({
    status: filter.statuses.join(","),
    spam: String(filter.spam),
    bulk: filter.bulk === undefined ? undefined : String(filter.bulk),
    assignee: filter.assignee,
    brand: filter.brand,
    q: filter.q?.trim(),
    tag: filter.tag,
    snoozed: filter.snoozed === undefined ? undefined : String(filter.snoozed),
    cursor,
    limit: PAGE_SIZE,
  })}`;
  return api("GET", path, { signal });
}

export type UnansweredFilter = { assignee?: "me"; brand?: string };

/** Every conversation still owed a human answer, the soonest due first, then the most urgent. */
export function listUnanswered(
  filter: UnansweredFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<UnansweredConversation>> {
  const path = `/api/v1/unanswered${query({
    assignee: filter.assignee,
    brand: filter.brand,
    cursor,
    limit: PAGE_SIZE,
  })}`;
  return api("GET", path, { signal });
}

export function fetchConversation(
  id: string,
  signal?: AbortSignal,
): Promise<ConversationWithMessages> {
  return api("GET", `/api/v1/conversations/${encodeURIComponent(id)}`, { signal });
}

export function changeConversation(id: string, change: ConversationChange): Promise<Conversation> {
  return api("PATCH", `/api/v1/conversations/${encodeURIComponent(id)}`, { body: change });
}

/** An advisor's verdict: spam leaves the unanswered watch for the Spam view, "not spam" brings it back. */
export function markSpam(id: string, spam: boolean): Promise<Conversation> {
  return api("POST", `/api/v1/conversations/${encodeURIComponent(id)}/spam`, { body: { spam } });
}

/** Gives the conversation to its team's manager; the customer gets a notice naming them. */
export function escalate(id: string): Promise<Conversation> {
  return api("POST", `/api/v1/conversations/${encodeURIComponent(id)}/escalate`);
}

/** List or bulk mail is owed nothing until an advisor says it is owed an answer (`bulk: false`). */
export function markBulk(id: string, bulk: boolean): Promise<Conversation> {
  return api("POST", `/api/v1/conversations/${encodeURIComponent(id)}/bulk`, { body: { bulk } });
}

/** A file to send with a reply (or keep with a note), its bytes in base64. */
export type NewAttachment = { filename: string; content_type: string; content_base64: string };

export type NewMessage = {
  kind: MessageKind;
  body: string;
  /** After a reply, the conversation stays open instead of waiting on the customer. */
  keepOpen?: boolean;
  cc?: string[];
  attachments?: NewAttachment[];
};

/**
 * `idempotencyKey`: one per message written, so that a click retried after a lost answer never
 * sends the reply twice (the server answers the first message again).
 */
export function postMessage(
  id: string,
  message: NewMessage,
  idempotencyKey: string,
): Promise<Message> {
  const reply = message.kind === "reply";
  return api("POST", `/api/v1/conversations/${encodeURIComponent(id)}/messages`, {
    body: {
      kind: message.kind,
      body: message.body,
      ...(reply && message.keepOpen ? { keep_open: true } : {}),
      ...(reply && message.cc?.length ? { cc: message.cc } : {}),
      ...(message.attachments?.length ? { attachments: message.attachments } : {}),
    },
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

/** How many conversations each view holds (the tabs' counts). */
export function countViews(filter: UnansweredFilter, signal?: AbortSignal): Promise<ViewCounts> {
  return api(
    "GET",
    `/api/v1/conversations/counts${query({ assignee: filter.assignee, brand: filter.brand })}`,
    { signal },
  );
}

/** Out of the active views until `until` (or the customer's next message); null wakes it now. */
export function snooze(id: string, until: string | null): Promise<Conversation> {
  const path = `/api/v1/conversations/${encodeURIComponent(id)}/snooze`;
  return until ? api("POST", path, { body: { until } }) : api("DELETE", path);
}

/** The same change to each conversation of a selection; refusals come back one by one. */
export function changeSelection(ids: string[], change: SelectionChange): Promise<SelectionOutcome> {
  return api("POST", "/api/v1/conversations/changes", { body: { ids, ...change } });
}
