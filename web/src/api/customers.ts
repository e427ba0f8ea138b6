// A customer's profile, the summary an advisor reads first, and their timeline.
import { api, query } from "./client.ts";
import type { Customer, CustomerErasure, CustomerSummary, Page, TimelineEntry } from "./types.ts";

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

/** Where the browser downloads everything held about the customer (a ZIP; managers and admins). */
export const customerExportUrl = (id: string) =>
  `/api/v1/customers/${encodeURIComponent(id)}/export`;

export function eraseCustomer(id: string): Promise<CustomerErasure> {
  return api("POST", `/api/v1/customers/${encodeURIComponent(id)}/erase`);
}
