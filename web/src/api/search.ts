// Finding people and conversations: the header's search everywhere, and the customers list with its
// filters.
import { api, query } from "./client.ts";
import type { ConversationStatus, Customer, Page } from "./types.ts";

/** A piece of a result's text; `match` marks the words searched for. */
export type Run = { text: string; match: boolean };

export type CustomerHit = {
  id: string;
  name: string;
  name_runs: Run[];
  organisation: string | null;
  identity: { kind: string; value: string; runs: Run[] } | null;
};

export type ConversationHit = {
  id: string;
  reference: string;
  subject: string;
  subject_runs: Run[];
  excerpt: Run[] | null;
  status: ConversationStatus;
  customer: { id: string; name: string };
  last_activity_at: string;
};

export type SearchResults = { customers: CustomerHit[]; conversations: ConversationHit[] };

/** How many of each kind the header's results show. */
export const HITS_PER_GROUP = 5;

export function searchEverywhere(q: string, signal?: AbortSignal): Promise<SearchResults> {
  return api("GET", `/api/v1/search${query({ q: q.trim(), limit: HITS_PER_GROUP })}`, { signal });
}

export type CustomersFilter = { q: string; advisor: string | null; organisation: string | null };

const PAGE_SIZE = 25;

/** Customers newest first, narrowed by words, advisor and organisation. */
export function listCustomers(
  filter: CustomersFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Customer>> {
  const path = `/api/v1/customers${query({
    q: filter.q.trim(),
    advisor: filter.advisor,
    organisation: filter.organisation,
    cursor,
    limit: PAGE_SIZE,
  })}`;
  return api("GET", path, { signal });
}
