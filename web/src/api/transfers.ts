// Transfers of a conversation (ask, accept, decline, cancel; the ones waiting for me) and "My
// customers", the portfolio of an advisor or backup with who is waiting.
import { api, query } from "./client.ts";
import type { Page } from "./types.ts";

export type TransferStatus = "pending" | "accepted" | "declined" | "cancelled";

export type Transfer = {
  id: string;
  conversation_id: string;
  from_id: string | null;
  from_name: string | null;
  to_id: string;
  to_name: string;
  requested_by_id: string | null;
  reason: string;
  status: TransferStatus;
  decided_by_id: string | null;
  decision_reason: string | null;
  decided_at: string | null;
  created_at: string;
  conversation: { reference: string; subject: string; customer_id: string; customer_name: string };
};

const base = (conversationId: string) =>
  `/api/v1/conversations/${encodeURIComponent(conversationId)}/transfer`;

/** `idempotencyKey`: one per transfer asked, so that a retried click never asks twice. */
export function requestTransfer(
  conversationId: string,
  to: string,
  reason: string,
  idempotencyKey: string,
): Promise<Transfer> {
  return api("POST", base(conversationId), {
    body: { to, reason },
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function acceptTransfer(conversationId: string): Promise<Transfer> {
  return api("POST", `${base(conversationId)}/accept`);
}

export function declineTransfer(conversationId: string, reason: string): Promise<Transfer> {
  return api("POST", `${base(conversationId)}/decline`, { body: { reason } });
}

export function cancelTransfer(conversationId: string): Promise<Transfer> {
  return api("DELETE", base(conversationId));
}

export async function fetchConversationTransfers(
  conversationId: string,
  signal?: AbortSignal,
): Promise<Transfer[]> {
  const page: { items: Transfer[] } = await api(
    "GET",
    `/api/v1/conversations/${encodeURIComponent(conversationId)}/transfers`,
    { signal },
  );
  return page.items;
}

export function fetchTransfersToAccept(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Transfer>> {
  return api("GET", `/api/v1/transfers${query({ to: "me", status: "pending", cursor })}`, {
    signal,
  });
}

export type WaitingConversation = {
  conversation_id: string;
  reference: string;
  subject: string;
  assignee_id: string | null;
  awaiting_since: string | null;
  due_at: string | null;
  minutes_left: number | null;
};

export type PortfolioCustomer = {
  id: string;
  name: string;
  role: "advisor" | "backup";
  waiting: WaitingConversation[];
};

export function fetchMyCustomers(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<PortfolioCustomer>> {
  return api("GET", `/api/v1/my-customers${query({ cursor })}`, { signal });
}

export type TransferCount = { count: number; more: boolean };

/** How many transfers wait for me (counted up to 1,000), for the header's badge. */
export function countTransfersToAccept(signal?: AbortSignal): Promise<TransferCount> {
  return api("GET", `/api/v1/transfers/count${query({ to: "me", status: "pending" })}`, {
    signal,
  });
}
