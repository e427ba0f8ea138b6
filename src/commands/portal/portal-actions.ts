// What a signed-in customer does in the portal, shared by its API and its pages: rate a finished
// conversation (Idempotency-Key honoured) and read their own conversations.
import type { Runtime } from "../../runtime.ts";
import { listPortalConversations, type PortalOwner } from "../../store/queries/portal.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { runIdempotent } from "../run-command.ts";
import { customerPrincipal } from "./portal-customer.ts";
import type { PortalSession } from "./portal-sessions.ts";
import { rateConversation } from "./rate-conversation.ts";

export const ownerOf = (s: PortalSession): PortalOwner => ({
  workspaceId: s.workspaceId,
  customerId: s.customer.id,
  brandId: s.brand.id,
});

export type RatingAnswer = { score: number; comment: string | null; at: string };

export function rateFromPortal(
  rt: Runtime,
  session: PortalSession,
  conversationId: string,
  rating: { score: number; comment?: string | undefined },
  idempotencyKey: string | undefined,
) {
  return runIdempotent(
    rt,
    rateConversation,
    customerPrincipal(session.workspaceId, session.customer),
    {
      conversationId,
      customerId: session.customer.id,
      brandId: session.brand.id,
      score: rating.score,
      comment: rating.comment ?? null,
    },
    {
      key: idempotencyKey,
      request: {
        method: "POST",
        path: `portal/conversations/${conversationId}/rating`,
        body: rating,
      },
      answer: (r): RatingAnswer => ({ score: r.score, comment: r.comment, at: r.at.toISOString() }),
    },
  );
}

/** A page of the customer's conversations, and the cursor of the next. */
export async function portalConversationPage(
  rt: Runtime,
  session: PortalSession,
  cursor: string | undefined,
  limit: number,
) {
  const { rows, next } = await listPortalConversations(rt.db, ownerOf(session), {
    after: cursor ? decodeCursor(rt.secret, cursor) : undefined,
    limit,
  });
  return { rows, nextCursor: next ? encodeCursor(rt.secret, next) : null };
}
