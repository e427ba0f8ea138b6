// Merge suggestions for a customer, merging another customer into them, and undoing a merge.
import { api } from "./client.ts";

export type MergeEvidence = {
  kind:
    | "same_phone"
    | "email_seen"
    | "email_variant"
    | "same_handle"
    | "same_name_organisation"
    | "same_name_domain";
  phone?: string;
  email?: string;
  other_email?: string;
  handle?: string;
  name?: string;
  domain?: string;
};

export type MergeSuggestion = {
  customer: { id: string; name: string; identities: Array<{ kind: string; value: string }> };
  /** 0–1. */
  score: number;
  evidence: MergeEvidence[];
  /** Rows a merge would move, per table (conversations, messages, customer_identities, events). */
  moves: Record<string, number>;
};

export type Merge = {
  merge_id: string;
  customer_id: string;
  other_id: string;
  moved: Record<string, number>;
};

export function fetchMergeSuggestions(
  id: string,
  signal?: AbortSignal,
): Promise<{ items: MergeSuggestion[] }> {
  return api("GET", `/api/v1/customers/${encodeURIComponent(id)}/merge-suggestions`, { signal });
}

export function mergeCustomer(id: string, otherId: string): Promise<Merge> {
  return api("POST", `/api/v1/customers/${encodeURIComponent(id)}/merge`, {
    body: { other_id: otherId },
  });
}

export function undoMerge(mergeId: string): Promise<Merge & { undone: true }> {
  return api("POST", `/api/v1/merges/${encodeURIComponent(mergeId)}/undo`);
}
