// A customer's profile and timeline.
import { api, query } from "./client.ts";
import type { Customer, Page, TimelineEntry } from "./types.ts";

export function fetchCustomer(id: string, signal?: AbortSignal): Promise<Customer> {
  return api("GET", `/api/v1/customers/${encodeURIComponent(id)}`, { signal });
}

export function fetchTimeline(
  id: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<TimelineEntry>> {
  return api("GET", `/api/v1/customers/${encodeURIComponent(id)}/timeline${query({ cursor })}`, {
    signal,
  });
}
