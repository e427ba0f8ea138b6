// The widget's visitor as the one acting: a customer, not a user; Idempotency-Keys scoped to them.
import type { Principal } from "../access/principal.ts";

export const visitorPrincipal = (workspaceId: string, visitorId: string): Principal => ({
  workspaceId,
  role: "advisor",
  userId: null,
  via: "token",
  csrfToken: null,
  scope: `widget-visitor:${visitorId}`,
  actor: { kind: "customer", id: null, name: "Chat visitor" },
});
