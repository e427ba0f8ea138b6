// The shapes the console reads from the HTTP API (docs/CONTRACT.md §3–§4); kept in step with the
// server's OpenAPI document (/api/v1/openapi.json). Timeline events are typed by the server's own
// event catalogue (types only: nothing of the server is bundled).
import type { EventPayload, EventType } from "../../../src/domain/events/catalogue.ts";

export type Role = "advisor" | "manager" | "admin";

export type MeUser = { id: string; name: string; email: string; role: Role; languages: string[] };

export type Me = {
  /** Null for an API token not bound to a user; a session cookie always has one. */
  user: MeUser | null;
  role: Role;
  workspace: { id: string; name: string };
  /** Null when signed in with an API token rather than a session cookie. */
  csrf_token: string | null;
};

/** Who the console is signed in as: always a user (sessions are opened by users). */
export type SignedInMe = Me & { user: MeUser };

export type Page<T> = { items: T[]; next_cursor: string | null };

export const CONVERSATION_STATUSES = [
  "new",
  "open",
  "waiting_customer",
  "waiting_third_party",
  "resolved",
  "closed",
] as const;
/** A customer's rating of a finished conversation: 1–5, with their comment. */
export type Csat = { score: number; comment: string | null; at: string };

export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CLOSE_REASONS = ["spam", "duplicate", "nothing_to_answer", "merged"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CHANNELS = [
  "email",
  "api",
  "form",
  "chat",
  "portal",
  "phone",
  "visit",
  "social",
] as const;
export type Channel = (typeof CHANNELS)[number];

export type Conversation = {
  id: string;
  reference: string;
  brand_id: string;
  customer_id: string;
  customer: { id: string; name: string };
  channel: Channel;
  subject: string;
  status: ConversationStatus;
  priority: Priority;
  assignee_id: string | null;
  team_id: string | null;
  close_reason: CloseReason | null;
  linked_conversation_id: string | null;
  spam: boolean;
  /** Opened by list or bulk mail: owed no answer until an advisor says it is. */
  bulk: boolean;
  flags: string[];
  /** A human answer was given at least once; `owed_answer` says whether one is owed now. */
  answered: boolean;
  /** A customer message waits for a human answer: the one rule the header, rows and watch show. */
  owed_answer: boolean;
  /** Out of the active views until then; null when not snoozed (or woken by the customer). */
  snoozed_until: string | null;
  tags: string[];
  /** The customer's rating once the conversation was finished (from the portal); null when none. */
  csat: Csat | null;
  /** The oldest customer message still owed a human answer. */
  awaiting_answer_since: string | null;
  first_response_due_at: string | null;
  next_response_due_at: string | null;
  resolution_due_at: string | null;
  message_count: number;
  created_at: string;
  updated_at: string;
  /** Newest activity, the list's order. */
  last_activity_at: string;
};

export type Named = { id: string; name: string };

/** A conversation as a list shows it. */
export type ConversationRow = Conversation & {
  assignee: Named | null;
  team: Named | null;
  /** The manager last warned that its response is due. */
  escalated_to: Named | null;
  /** The opening words of the newest reply or customer message, plain text. */
  preview: string;
};

/** A row of the unanswered watch, soonest due first, then the most urgent. */
export type UnansweredConversation = ConversationRow & {
  /** The running response clock's due time; null while it is paused. */
  due_at: string | null;
  /** Wall-clock minutes to the due time when the server answered; negative when overdue. */
  minutes_left: number | null;
};

export type Attachment = { id: string; filename: string; content_type: string; size: number };

export type MessageDirection = "inbound" | "outbound" | "note";
export type Delivery = "queued" | "sent" | "failed" | "bounced";

/** One rule that added to a mail's spam score, in words an advisor can read. */
export type SpamReason = { rule: string; points: number; detail: string };

export type Message = {
  id: string;
  conversation_id: string;
  direction: MessageDirection;
  channel: Channel;
  author: {
    kind: "customer" | "user" | "system";
    id: string | null;
    name: string;
    email?: string | null;
  };
  /** The addresses a reply was copied to. */
  cc: string[];
  automated: boolean;
  subject: string;
  body_text: string;
  /** Sanitised by the server; left out of a truncated message. */
  body_html: string | null;
  /** The body is too large to show whole: `body_text` is cut, `raw_url` has the whole mail. */
  truncated: boolean;
  /** The mail as received, a download; null for what did not come by mail. */
  raw_url: string | null;
  external_id: string | null;
  delivery: Delivery | null;
  /** Why a reply failed or bounced, as the relay said it. */
  delivery_error: string | null;
  spam: boolean;
  /** The inbound mail's spam score (null when not scored), and the rules that made it. */
  spam_score: number | null;
  spam_reasons: SpamReason[];
  flags: string[];
  attachments: Attachment[];
  /** A customer's message's mood, read at intake; null for other messages. */
  mood: Mood | null;
  created_at: string;
};

/** Why someone was passed over by routing (the conversation.routed event). */
export type Unavailability = {
  why: "away" | "outside_hours" | "at_capacity" | "inactive" | string;
  until?: string | null;
  back_at?: string | null;
  capacity?: number;
};

/** Why the conversation went to whom it did when it opened. */
export type RoutingReason = {
  code: "advisor" | "backup" | "partner_manager" | "team" | "manager" | "unassigned" | string;
  assignee_name: string | null;
  advisor_name?: string;
  advisor_unavailable?: Unavailability;
  backup_name?: string;
  backup_unavailable?: Unavailability;
  team_name?: string;
  open_load?: number;
};

export type ConversationWithMessages = Conversation & {
  messages: Message[];
  routing?: RoutingReason | null;
  escalation?: { reason: string; manager_name: string; words?: string } | null;
  urgency?: { priority: string | null; words: string[] } | null;
};

export type ConversationChange = {
  status?: ConversationStatus;
  priority?: Priority;
  assignee_id?: string | null;
  team_id?: string | null;
  close_reason?: CloseReason | null;
  tags?: string[];
};

export type MessageKind = "reply" | "note";

export type IdentityKind = "email" | "phone" | "chat" | "social" | "external";

export type Organisation = { id: string; name: string; is_partner: boolean };

/** `kind` is "birthday", "anniversary", "renewal" or the advisor's own words. */
export type ImportantDate = { kind: string; date: string };

export type Customer = {
  id: string;
  name: string;
  preferred_language: string | null;
  time_zone: string | null;
  preferred_channel: Channel | null;
  /** When they like to be reached, in words. */
  contact_times: string;
  notes: string;
  important_dates: ImportantDate[];
  preferences: Preference[];
  tags: string[];
  advisor_id: string | null;
  backup_id: string | null;
  organisation: Organisation | null;
  identities: {
    id: string;
    kind: IdentityKind;
    /** Normalised: lower-case email, +digits phone. */
    value: string;
    /** As the customer wrote it. */
    display_value: string;
    verified: boolean;
    flags: string[];
  }[];
  /** Set when this profile was merged into another. */
  merged_into_id: string | null;
  /** On a merged profile: the surviving customer (read by id: at the end of a chain of merges). */
  merged_into: string | null;
  /** On a merged profile read by id: the merge to undo. */
  merge_id: string | null;
  /** Set when the person's data was erased on request. */
  erased_at: string | null;
  created_at: string;
  updated_at: string;
  /** Their key in the system they come from; absent from a server older than imports. */
  external_id?: string | null;
  customer_since?: string | null;
};

export type Workspace = {
  id: string;
  name: string;
  /** Likely spam is purged after this many days. */
  spam_retention_days: number;
  /** Closed conversations are erased after this many days; null keeps them. */
  closed_retention_days: number | null;
};

/** What an erasure removed (counts only). */
export type CustomerErasure = {
  customer_id: string;
  erased_at: string;
  conversations: number;
  messages: number;
};

/** What an advisor should see before reading a message, computed by the server. */
export type CustomerSummary = CustomerGlance & {
  id: string;
  name: string;
  /** When they became a customer: their profile's customer_since, else the first order or contact. */
  customer_since: string;
  tenure_days: number;
  /** Spam aside; open = not resolved or closed. */
  conversations: { open: number; total: number };
  /** The last message exchanged (notes and automated messages aside). */
  last_contact_at: string | null;
  advisor: { id: string; name: string } | null;
  backup: { id: string; name: string } | null;
  preferred_language: string | null;
  organisation: Organisation | null;
  important_dates: ImportantDate[];
  /** Absent from a server older than orders. */
  value?: CustomerValue;
};

/** What a customer is worth, computed by the server from their orders. */
export type CustomerValue = {
  /** Orders that bought something (cancelled and refunded aside). */
  order_count: number;
  /** Per currency, the largest first; amounts in minor units (cents). */
  lifetime: { currency: string; amount_minor: number }[];
  first_purchase_at: string | null;
  last_purchase_at: string | null;
  tenure_since: string;
  tenure_source: "customer_since" | "first_order" | "first_contact";
  tenure_days: number;
};

/** An order of the customer, from the shop or system it comes from. */
export type Order = {
  id: string;
  external_id: string;
  customer_id: string;
  ordered_at: string;
  /** In the currency's minor unit (cents). */
  amount_minor: number;
  currency: string;
  status: string;
  created_at: string;
  updated_at: string;
};

/** What a profile edit sends: only the fields changed; `emails` and `phones` are whole lists. */
export type CustomerPatch = Partial<{
  name: string;
  emails: string[];
  phones: string[];
  preferred_language: string | null;
  preferred_channel: Channel | null;
  contact_times: string;
  notes: string;
  important_dates: ImportantDate[];
  preferences: Preference[];
  tags: string[];
}>;

/** A call or a visit an advisor logs. */
export type InteractionInput = {
  channel: "phone" | "visit";
  direction: "inbound" | "outbound";
  summary: string;
  answering: boolean;
  conversation_id?: string;
  occurred_at?: string;
  duration_minutes?: number;
};

export type LoggedInteraction = {
  conversation_id: string;
  message_id: string;
  customer_id: string;
  reference: string;
  new_conversation: boolean;
  status: ConversationStatus;
  answered: boolean;
};

/** The conversation a timeline entry belongs to. */
export type TimelineConversation = {
  id: string;
  reference: string;
  subject: string;
  channel: Channel;
  status: ConversationStatus;
};

/** The message a timeline entry is about: who wrote, which way, and its first words. */
export type TimelineMessage = {
  id: string;
  direction: MessageDirection;
  channel: Channel;
  author: { kind: "customer" | "user" | "system"; name: string };
  automated: boolean;
  subject: string;
  excerpt: string;
};

/** One entry of a customer's timeline: an event of the server's catalogue, with its data's type. */
export type TimelineEntry = {
  [T in EventType]: {
    id: string;
    type: T;
    created_at: string;
    actor: { kind: "user" | "token" | "customer" | "system"; id: string | null; name: string };
    conversation_id: string | null;
    conversation: TimelineConversation | null;
    /** For the entries about a message; null once it was erased. */
    message?: TimelineMessage | null;
    /** Null once what it was about was erased (a person's erasure, retention). */
    data: EventPayload<T> | null;
    /** The changed fields before and after, for the types that change something. */
    before: unknown;
    after: unknown;
  };
}[EventType];

export const NOTIFICATION_KINDS = [
  "sla.warn_assignee",
  "sla.warn_manager",
  "sla.breach",
  "transfer.repeated",
] as const;

export type Notification = {
  id: string;
  /** One of NOTIFICATION_KINDS today; open to new kinds. */
  kind: string;
  conversation_id: string | null;
  /** For SLA notifications: reference, subject, due_at. */
  data: Record<string, unknown>;
  created_at: string;
  read_at: string | null;
};

export type User = {
  id: string;
  email: string;
  name: string;
  role: Role;
  languages: string[];
  time_zone: string | null;
  active: boolean;
};

export type Brand = {
  id: string;
  name: string;
  slug: string;
  language: string;
  time_zone: string;
  /** Added under every reply's text in the mail. */
  signature: string;
  /** The team that answers its new conversations. */
  team_id?: string | null;
};

/** A reusable reply, with variables such as {{customer.first_name}} (display/canned-answer.ts). */
export type CannedAnswer = {
  id: string;
  title: string;
  language: string;
  brand_id: string | null;
  body: string;
};

export const ROLES = ["advisor", "manager", "admin"] as const satisfies readonly Role[];

export type TokenStatus = "active" | "expired" | "revoked";

/** An API token as listed: never its secret. */
export type ApiToken = {
  id: string;
  name: string;
  role: Role;
  user: { id: string; name: string; email: string } | null;
  status: TokenStatus;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
};

/** The answer that makes a token: its secret, this once. */
export type CreatedToken = ApiToken & { token: string | null };

export type NewToken = { name: string; role: Role; expires_at?: string };

/** How many conversations each inbox view holds, counted up to 1,000 (`more`: beyond it). */
export type ViewCounts = {
  counts: Record<string, number>;
  more: Record<string, boolean>;
};

/** One change applied to a selection: each conversation's outcome, refusals included. */
export type SelectionOutcome = {
  items: Array<{
    id: string;
    ok: boolean;
    conversation?: Conversation;
    problem?: { code: string; status: number; detail: string };
  }>;
};

export type SelectionChange =
  | { assignee_id: string | null }
  | { status: "resolved" | "closed"; close_reason?: CloseReason }
  | { add_tags: string[] };

export const MOOD_LABELS = ["negative", "neutral", "positive"] as const;
export type MoodLabel = (typeof MOOD_LABELS)[number];

/** The mood of a customer's message and the words that made it (a negation turns one around). */
export type Mood = {
  label: MoodLabel;
  score: number;
  words: string[];
  reasons: { word: string; score: number; negated: boolean }[];
};

export const PREFERENCE_KINDS = ["contact", "diet", "delivery", "payment", "other"] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];
/** A habit or preference as a structured entry: "diet" — "allergic to nuts". */
export type Preference = { kind: PreferenceKind; text: string };

/** An important date of the coming 30 days, on the day it falls next. */
export type UpcomingDate = {
  kind: string;
  date: string;
  on: string;
  in_days: number;
  years: number | null;
};

/** What the glance adds to the summary: preferences, tags, partner flag, dates, recent moods. */
export type CustomerGlance = {
  preferences: Preference[];
  tags: string[];
  partner: boolean;
  upcoming_dates: UpcomingDate[];
  last_moods: {
    message_id: string;
    conversation_id: string;
    channel: string;
    created_at: string;
    mood: Mood;
  }[];
};
