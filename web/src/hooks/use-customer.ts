// A customer's profile, their summary (tenure, open conversations, last contact, advisor) and,
// paged, their timeline.
import { useCallback } from "react";
import { fetchCustomer, fetchCustomerSummary, fetchTimeline } from "../api/customers.ts";
import type { Customer, CustomerSummary, TimelineEntry } from "../api/types.ts";
import { type AsyncState, useAsync } from "./use-async.ts";
import { type PagedList, usePagedList } from "./use-paged-list.ts";

export function useCustomer(id: string): AsyncState<Customer> {
  const load = useCallback((signal: AbortSignal) => fetchCustomer(id, signal), [id]);
  return useAsync(`customer:${id}`, load).state;
}

export function useCustomerSummary(id: string): AsyncState<CustomerSummary> {
  const load = useCallback((signal: AbortSignal) => fetchCustomerSummary(id, signal), [id]);
  return useAsync(`customer-summary:${id}`, load).state;
}

export function useTimeline(id: string): PagedList<TimelineEntry> {
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => fetchTimeline(id, cursor, signal),
    [id],
  );
  return usePagedList(`timeline:${id}`, fetchPage);
}
