// Reads a notification's loosely typed `data` (what the SLA sweep wrote: reference, subject,
// due time) and names its kind among those the console has words for.
import { NOTIFICATION_KINDS, type Notification } from "../api/types.ts";
import { oneOf } from "./one-of.ts";

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationFacts = {
  /** Null for a kind this console does not know yet. */
  kind: NotificationKind | null;
  reference: string | null;
  subject: string | null;
  dueAt: string | null;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function notificationFacts(notification: Notification): NotificationFacts {
  const data = notification.data;
  return {
    kind: oneOf(NOTIFICATION_KINDS, notification.kind) ? notification.kind : null,
    reference: text(data.reference),
    subject: text(data.subject),
    dueAt: text(data.due_at),
  };
}
