// A customer's profile, their summary (tenure, open conversations, last contact, advisor) and,
// paged, their timeline; each reloads when a change to that customer is announced anywhere in the
// console (an edit, a logged call), so the page and the panel beside a conversation stay in step.
import { useCallback, useEffect } from "react";
import { fetchCustomer, fetchCustomerSummary, fetchTimeline } from "../api/customers.ts";
import type { Customer, CustomerSummary, TimelineEntry } from "../api/types.ts";
import { type AsyncResource, useAsync } from "./use-async.ts";
import { type PagedList, usePagedList } from "./use-paged-list.ts";

const changeListeners = new Set<(customerId: string) => void>();

/** Says that a customer changed: every screen showing them loads them again. */
export function announceCustomerChange(customerId: string): void {
  for (const listener of changeListeners) listener(customerId);
}

/** Calls `reload` whenever a change to the customer `id` is announced. */
export function useCustomerChanges(id: string, reload: () => void): void {
  useEffect(() => {
    const listener = (changed: string) => {
      if (changed === id) reload();
    };
    changeListeners.add(listener);
    return () => {
      changeListeners.delete(listener);
    };
  }, [id, reload]);
}

export function useCustomer(id: string): AsyncResource<Customer> {
  const load = useCallback((signal: AbortSignal) => fetchCustomer(id, signal), [id]);
  const resource = useAsync(`customer:${id}`, load);
  useCustomerChanges(id, resource.reload);
  return resource;
}

export function useCustomerSummary(id: string): AsyncResource<CustomerSummary> {
  const load = useCallback((signal: AbortSignal) => fetchCustomerSummary(id, signal), [id]);
  const resource = useAsync(`customer-summary:${id}`, load);
  useCustomerChanges(id, resource.reload);
  return resource;
}

export function useTimeline(id: string): PagedList<TimelineEntry> {
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => fetchTimeline(id, cursor, signal),
    [id],
  );
  const list = usePagedList(`timeline:${id}`, fetchPage);
  // A change shows at the top of the timeline: back to its first page, where it is.
  useCustomerChanges(id, list.reload);
  return list;
}
