// The shape of the demo story — who writes what, when — and the short builders the story files use.
import type {
  Channel,
  CloseReason,
  ConversationStatus,
  Priority,
} from "../domain/conversation/status.ts";

export type BrandKey = "lumiere" | "northwind" | "support";
export type StaffKey = "isabelle" | "oliver" | "camille" | "julien" | "priya" | "tom";

/** A past instant of the story, read against the moment the story is loaded. */
export type When =
  /** `days` calendar days before today, at a local time of the brand ("HH:MM"). */
  | { kind: "day"; days: number; time: string }
  /** Wall-clock minutes before now. */
  | { kind: "minutes"; minutes: number }
  /** So many business minutes of the brand's calendar before now (to land near a due time). */
  | { kind: "business"; minutes: number };

export type Step =
  | { kind: "customer"; at: When; body: string; from?: string; channel?: Channel }
  | { kind: "reply"; at: When; by: StaffKey; body: string; keepOpen?: boolean }
  | { kind: "note"; at: When; by: StaffKey; body: string }
  | {
      kind: "status";
      at: When;
      by: StaffKey | null;
      status: ConversationStatus;
      reason?: CloseReason;
    };

export type StoryConversation = {
  brand: BrandKey;
  /** The customer's key (see story-customers.ts), or a stranger the desk does not know yet. */
  customer: string | { email: string; name: string };
  channel: Channel;
  subject: string;
  priority?: Priority;
  assignee?: StaffKey;
  /** Likely spam: stored, never acknowledged, never awaited. */
  spam?: boolean;
  steps: Step[];
};

export type StoryCustomer = {
  key: string;
  name: string;
  email: string;
  phone?: string;
  language: "fr" | "en";
  timeZone?: string;
  /** Customer for so many days. */
  since: number;
  advisor?: StaffKey;
  backup?: StaffKey;
  organisation?: "duval";
  preferredChannel?: Channel;
  notes?: string;
  /** Dates that matter to them, so many days from today (negative: past). */
  importantDates?: Array<{ kind: string; inDays: number }>;
};

export const day = (days: number, time: string): When => ({ kind: "day", days, time });
export const minutesAgo = (minutes: number): When => ({ kind: "minutes", minutes });
export const businessAgo = (minutes: number): When => ({ kind: "business", minutes });

export const says = (
  at: When,
  body: string,
  more: { from?: string; channel?: Channel } = {},
): Step => ({
  kind: "customer",
  at,
  body,
  ...more,
});
export const reply = (at: When, by: StaffKey, body: string, keepOpen = false): Step => ({
  kind: "reply",
  at,
  by,
  body,
  keepOpen,
});
export const note = (at: When, by: StaffKey, body: string): Step => ({
  kind: "note",
  at,
  by,
  body,
});
export const status = (
  at: When,
  by: StaffKey | null,
  to: ConversationStatus,
  reason?: CloseReason,
): Step => ({ kind: "status", at, by, status: to, ...(reason ? { reason } : {}) });
