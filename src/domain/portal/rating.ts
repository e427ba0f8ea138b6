// When a customer may rate a conversation: once it is resolved or closed, and only once
// (a second rating is refused rather than changing the first: the figures keep what was said first).
import { type ConversationStatus, isFinished } from "../conversation/status.ts";

export const ratingScores = [1, 2, 3, 4, 5] as const;

export type RatingRefusal = "not_finished" | "already_rated";

export function ratingRefusal(conversation: {
  status: ConversationStatus;
  csatScore: number | null;
}): RatingRefusal | null {
  if (conversation.csatScore !== null) return "already_rated";
  if (!isFinished(conversation.status)) return "not_finished";
  return null;
}
