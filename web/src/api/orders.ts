// A customer's orders, the latest ordered first, a page at a time.
import { api, query } from "./client.ts";
import type { Order, Page } from "./types.ts";

export function fetchOrders(
  customerId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Order>> {
  return api(
    "GET",
    `/api/v1/customers/${encodeURIComponent(customerId)}/orders${query({ cursor, limit: 5 })}`,
    { signal },
  );
}
