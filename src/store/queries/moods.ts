// The mood of a customer's last messages, for the glance: read among their conversations with the
// newest activity (a bounded read, however long their history).
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import { conversations, messages } from "../schema/index.ts";
import { orderOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

/** Conversations looked into: the last contacts are in the latest ones. */
const recentConversations = 20;

export async function lastMoodsOf(db: Db, workspaceId: string, customerId: string, limit = 5) {
  const recent = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      inWorkspace(
        conversations,
        workspaceId,
        eq(conversations.customerId, customerId),
        eq(conversations.spam, false),
      ),
    )
    .orderBy(...orderOf({ at: conversations.lastActivityAt, id: conversations.id }))
    .limit(recentConversations);
  if (recent.length === 0) return [];
  const rows = await db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      channel: messages.channel,
      mood: messages.mood,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(
      and(
        inWorkspace(
          messages,
          workspaceId,
          inArray(
            messages.conversationId,
            recent.map((c) => c.id),
          ),
        ),
        eq(messages.direction, "inbound"),
        eq(messages.spam, false),
        isNotNull(messages.mood),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
  return rows.flatMap((r) => (r.mood ? [{ ...r, mood: r.mood }] : []));
}

export type LastMood = Awaited<ReturnType<typeof lastMoodsOf>>[number];
