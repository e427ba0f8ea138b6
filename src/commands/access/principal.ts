// Who is acting: a signed-in user (session) or an API token, with the role that decides what they may do.
import type { Role } from "../../domain/access/roles.ts";
import type { Actor } from "../events/record-event.ts";

export type Principal = {
  workspaceId: string;
  role: Role;
  /** The user acted for: the signed-in user, or the user a token is bound to. */
  userId: string | null;
  via: "session" | "token";
  /** The session's CSRF token (cookie-authenticated writes must echo it). */
  csrfToken: string | null;
  /** Idempotency keys are scoped to this. */
  scope: string;
  actor: Actor;
};

/** Rapport itself acting (first start, the CLI, the demo): an admin bound to nobody. */
export const systemPrincipal = (workspaceId: string, actor: Actor): Principal => ({
  workspaceId,
  role: "admin",
  userId: null,
  via: "token",
  csrfToken: null,
  scope: `system:${actor.kind}`,
  actor,
});
