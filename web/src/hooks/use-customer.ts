// A customer's profile and, paged, their timeline.
import { useCallback } from "react";
import { fetchCustomer, fetchTimeline } from "../api/customers.ts";
import type { Customer, TimelineEntry } from "../api/types.ts";
import { type AsyncState, useAsync } from "./use-async.ts";
import { type PagedList, usePagedList } from "./use-paged-list.ts";

export function useCustomer(id: string): AsyncState<Customer> {
  const load = useCallback((signal: AbortSignal) => fetchCustomer(id, signal), [id]);
  return useAsync(`customer:${id}`, load).state;
}

export function useTimeline(id: string): PagedList<TimelineEntry> {
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => fetchTimeline(id, cursor, signal),
    [id],
  );
  return usePagedList(`timeline:${id}`, fetchPage);
}
