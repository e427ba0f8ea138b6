// A customer's profile and its changes, the summary an advisor reads first, their timeline, and the
// calls and visits logged with them.
import { api, query } from "./client.ts";
import type {
  Customer,
  CustomerErasure,
  CustomerPatch,
  CustomerSummary,
  InteractionInput,
  LoggedInteraction,
  Page,
  TimelineEntry,
} from "./types.ts";

export function fetchCustomer(id: string, signal?: AbortSignal): Promise<Customer> {
  return api("GET", `/api/v1/customers/${encodeURIComponent(id)}`, { signal });
}

export function updateCustomer(id: string, patch: CustomerPatch): Promise<Customer> {
  return api("PATCH", `/api/v1/customers/${encodeURIComponent(id)}`, { body: patch });
}

/** `idempotencyKey`: one per attempt, so a call logged again after a lost answer is logged once. */
export function logInteraction(
  id: string,
  input: InteractionInput,
  idempotencyKey: string,
): Promise<LoggedInteraction> {
  return api("POST", `/api/v1/customers/${encodeURIComponent(id)}/interactions`, {
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
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
