// The vocabulary of a conversation's state, as `as const` arrays so that Zod schemas and
// Drizzle enums reuse the same lists instead of writing them twice.

export const conversationStatuses = [
  "new",
  "open",
  "waiting_customer",
  "waiting_third_party",
  "resolved",
  "closed",
] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const priorities = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof priorities)[number];

export const closeReasons = ["spam", "duplicate", "nothing_to_answer", "merged"] as const;
export type CloseReason = (typeof closeReasons)[number];

export const channels = [
  "email",
  "api",
  "form",
  "chat",
  "portal",
  "phone",
  "visit",
  "social",
] as const;
export type Channel = (typeof channels)[number];

/** A resolved or closed conversation is finished: no clock runs and no due time applies. */
export function isFinished(status: ConversationStatus): boolean {
  return status === "resolved" || status === "closed";
}
