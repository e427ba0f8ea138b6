// The collision warning's calls: say that the advisor views or answers a conversation, or left it.
import { api } from "./client.ts";

export type PresenceState = "viewing" | "typing";

export type Viewer = { user_id: string; name: string; state: PresenceState };

export const sayPresent = (conversationId: string, state: PresenceState) =>
  api<void>("PUT", `/api/v1/conversations/${encodeURIComponent(conversationId)}/presence`, {
    body: { state },
  });

/** Sent with `keepalive`, so that it leaves even as the tab closes. */
export const sayLeft = (conversationId: string) =>
  api<void>("DELETE", `/api/v1/conversations/${encodeURIComponent(conversationId)}/presence`, {
    keepalive: true,
  });
