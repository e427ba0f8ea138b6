// The shapes the console reads from the HTTP API (docs: CONTRACT.md §3–§4); kept in step with the server's schemas.

export type Role = "advisor" | "manager" | "admin";

export type Me = {
  user: { id: string; name: string; email: string; role: Role; languages: string[] };
  workspace: { id: string; name: string };
  /** Null when signed in with an API token rather than a session cookie. */
  csrf_token: string | null;
};

export type Page<T> = { items: T[]; next_cursor: string | null };

export const CONVERSATION_STATUSES = [
  "new",
  "open",
  "waiting_customer",
  "waiting_third_party",
  "resolved",
  "closed",
] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CLOSE_REASONS = ["spam", "duplicate", "nothing_to_answer", "merged"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export type Conversation = {
  id: string;
  reference: string;
  brand_id: string;
  customer_id: string;
  channel: string;
  subject: string | null;
  status: ConversationStatus;
  priority: Priority;
  assignee_id: string | null;
  team_id: string | null;
  close_reason: CloseReason | null;
  first_response_due_at: string | null;
  next_response_due_at: string | null;
  answered: boolean;
  created_at: string;
  updated_at: string;
  customer: { id: string; name: string | null; email?: string | null };
  last_message_preview?: string | null;
  /** Newest activity, the list's order; older servers only give `updated_at`. */
  last_activity_at?: string;
  spam?: boolean;
};

export type Attachment = { id: string; filename: string; content_type: string; size: number };

export type MessageDirection = "inbound" | "outbound" | "note";
export type Delivery = "queued" | "sent" | "failed" | "bounced";

export type Message = {
  id: string;
  direction: MessageDirection;
  channel: string;
  author: {
    kind: "customer" | "user" | "system";
    id: string | null;
    name: string | null;
    email?: string | null;
  };
  automated: boolean;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  external_id: string | null;
  delivery: Delivery | null;
  /** Why a reply failed or bounced, as the relay said it. */
  delivery_error?: string | null;
  attachments: Attachment[];
  created_at: string;
};

export type ConversationWithMessages = Conversation & { messages: Message[] };

export type ConversationChange = {
  status?: ConversationStatus;
  priority?: Priority;
  assignee_id?: string | null;
  team_id?: string | null;
  close_reason?: CloseReason;
};

export type MessageKind = "reply" | "note";

export type Customer = {
  id: string;
  name: string | null;
  preferred_language: string | null;
  time_zone: string | null;
  preferred_channel: string | null;
  notes: string | null;
  advisor_id: string | null;
  backup_id: string | null;
  organisation: { id: string; name: string; is_partner: boolean } | null;
  identities: { kind: string; value: string }[];
  created_at: string;
};

export type TimelineEntry = {
  id: string;
  type: string;
  created_at: string;
  summary: string;
  conversation_id?: string | null;
};

export type User = { id: string; name: string; email: string; role: Role };
