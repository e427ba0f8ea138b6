// A customer's profile, the summary an advisor reads first, and their timeline.
import { api, query } from "./client.ts";
import type { Customer, CustomerSummary, Page, TimelineEntry } from "./types.ts";

export function fetchCustomer(id: string, signal?: AbortSignal): Promise<Customer> {
  return api("GET", `/api/v1/customers/${encodeURIComponent(id)}`, { signal });
}

export function fetchCustomerSummary(id: string, signal?: AbortSignal): Promise<CustomerSummary> {
  return api("GET", `/api/v1/customers/${encodeURIComponent(id)}/summary`, { signal });
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
