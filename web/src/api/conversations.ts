// Conversations: the inbox list, one conversation with its thread, changes and new messages.
import { api, query } from "./client.ts";
import type {
  Conversation,
  ConversationChange,
  ConversationStatus,
  ConversationWithMessages,
  Message,
  MessageKind,
  Page,
} from "./types.ts";

export type ConversationFilter = {
  statuses: readonly ConversationStatus[];
  assignee?: "me" | string;
  q?: string;
};

export function listConversations(
  filter: ConversationFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Conversation>> {
  const path = `/api/v1/conversations${query({
    status: filter.statuses.join(","),
    assignee: filter.assignee,
    q: filter.q?.trim(),
    cursor,
    limit: 25,
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

/** `keepOpen`: after a reply, the conversation stays open instead of waiting on the customer. */
export function postMessage(
  id: string,
  kind: MessageKind,
  body: string,
  keepOpen = false,
): Promise<Message> {
  return api("POST", `/api/v1/conversations/${encodeURIComponent(id)}/messages`, {
    body: kind === "reply" && keepOpen ? { kind, body, keep_open: true } : { kind, body },
  });
}
