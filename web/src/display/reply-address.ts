// Where a reply goes, to say so under the composer: the address the customer last wrote from.
import type { Message } from "../api/types.ts";

export function replyAddress(messages: readonly Message[]): string | null {
  const latest = messages
    .filter((message) => message.direction === "inbound" && message.author.email)
    .sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  return latest?.author.email ?? null;
}
