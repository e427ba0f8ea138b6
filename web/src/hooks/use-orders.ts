// A customer's orders, paged, loaded again when a change to that customer is announced.
import { useCallback } from "react";
import { fetchOrders } from "../api/orders.ts";
import type { Order } from "../api/types.ts";
import { useCustomerChanges } from "./use-customer.ts";
import { type PagedList, usePagedList } from "./use-paged-list.ts";

export function useOrders(customerId: string): PagedList<Order> {
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => fetchOrders(customerId, cursor, signal),
    [customerId],
  );
  const list = usePagedList(`orders:${customerId}`, fetchPage);
  useCustomerChanges(customerId, list.reload);
  return list;
}
