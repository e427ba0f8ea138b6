// The signed-in user's notifications (SLA warnings and escalations), and marking one read.
import { api, query } from "./client.ts";
import type { Notification, Page } from "./types.ts";

export function listUnreadNotifications(
  limit: number,
  signal?: AbortSignal,
): Promise<Page<Notification>> {
  return api("GET", `/api/v1/notifications${query({ unread: "true", limit })}`, { signal });
}

export function markNotificationRead(id: string): Promise<void> {
  return api("POST", `/api/v1/notifications/${encodeURIComponent(id)}/read`);
}
