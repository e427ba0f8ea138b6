// A customer rates one of their finished conversations from the portal: stored as its `csat`, with a
// `conversation.rated` event on the timeline, once (a second rating is a 409: the first one stands).
import { and, eq } from "drizzle-orm";
import { ratingRefusal } from "../../domain/portal/rating.ts";
import { DeskError } from "../../errors.ts";
import { conversations } from "../../store/schema/index.ts";
import type { UseCase } from "../run-command.ts";

export type Rating = {
  conversationId: string;
  customerId: string;
  brandId: string;
  score: number;
  comment: string | null;
};

export type Rated = { score: number; comment: string | null; at: Date };

export const rateConversation: UseCase<Rating, Rated> = async (uow, p, input) => {
  const [c] = await uow.tx
    .select()
    .from(conversations)
    .where(
      and(eq(conversations.workspaceId, p.workspaceId), eq(conversations.id, input.conversationId)),
    )
    .for("update");
  // Another customer's, another brand's, or spam: as if it did not exist.
  if (!c || c.customerId !== input.customerId || c.brandId !== input.brandId || c.spam) {
    throw new DeskError("not_found", "no such conversation");
  }
  const refusal = ratingRefusal(c);
  if (refusal === "already_rated") {
    throw new DeskError("conflict", "this conversation was already rated");
  }
  if (refusal === "not_finished") {
    throw new DeskError("conflict", "a conversation is rated once it is resolved or closed");
  }
  const comment = input.comment?.trim() || null;
  await uow.tx
    .update(conversations)
    .set({ csatScore: input.score, csatComment: comment, csatAt: uow.now })
    .where(and(eq(conversations.workspaceId, p.workspaceId), eq(conversations.id, c.id)));
  await uow.record({
    type: "conversation.rated",
    conversationId: c.id,
    customerId: c.customerId,
    after: { csat: { score: input.score, comment, at: uow.now.toISOString() } },
    data: { score: input.score, comment, via: "portal" },
  });
  return { score: input.score, comment, at: uow.now };
};
