// Why a conversation is in Spam: the rules that fired on each of its inbound messages, strongest
// first. The score and its reasons are the server's; the console only gathers them.
import type { Message, SpamReason } from "../api/types.ts";

export type SpamEvidence = {
  messageId: string;
  receivedAt: string;
  score: number | null;
  reasons: SpamReason[];
};

export function spamEvidence(messages: readonly Message[]): SpamEvidence[] {
  return messages
    .filter((message) => message.direction === "inbound" && message.spam_reasons.length > 0)
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .map((message) => ({
      messageId: message.id,
      receivedAt: message.created_at,
      score: message.spam_score,
      reasons: [...message.spam_reasons].sort((a, b) => b.points - a.points),
    }));
}
