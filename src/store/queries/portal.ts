// What a customer sees in the portal: their own conversations with one brand (never spam), newest
// activity first, and one of them with the messages they can see (no notes, no spam, no raw mail).
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { conversations, messages } from "../schema/index.ts";
import { after, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

const newest: Keyset = { at: conversations.lastActivityAt, id: conversations.id };

export type PortalOwner = { workspaceId: string; customerId: string; brandId: string };

const ownedBy = (o: PortalOwner) =>
  inWorkspace(
    conversations,
    o.workspaceId,
    eq(conversations.customerId, o.customerId),
    eq(conversations.brandId, o.brandId),
    eq(conversations.spam, false),
  );

const shown = {
  id: conversations.id,
  reference: conversations.reference,
  subject: conversations.subject,
  status: conversations.status,
  channel: conversations.channel,
  csatScore: conversations.csatScore,
  csatComment: conversations.csatComment,
  csatAt: conversations.csatAt,
  createdAt: conversations.createdAt,
  lastActivityAt: conversations.lastActivityAt,
};

export type PortalConversation = {
  id: string;
  reference: string;
  subject: string;
  status: (typeof conversations.$inferSelect)["status"];
  channel: (typeof conversations.$inferSelect)["channel"];
  csatScore: number | null;
  csatComment: string | null;
  csatAt: Date | null;
  createdAt: Date;
  lastActivityAt: Date;
};

export async function listPortalConversations(
  db: Tx,
  owner: PortalOwner,
  page: { after?: Position | undefined; limit: number },
) {
  const rows = await db
    .select(shown)
    .from(conversations)
    .where(and(ownedBy(owner), after(newest, page.after)))
    .orderBy(...orderOf(newest))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (c) => ({ at: c.lastActivityAt, id: c.id }));
}

/** One of the customer's conversations with the messages they can see, or null when not theirs. */
export async function portalConversation(db: Tx, owner: PortalOwner, id: string) {
  const [conversation] = await db
    .select(shown)
    .from(conversations)
    .where(and(ownedBy(owner), eq(conversations.id, id)));
  if (!conversation) return null;
  const seen = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      channel: messages.channel,
      authorName: messages.authorName,
      bodyText: messages.bodyText,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(
      inWorkspace(
        messages,
        owner.workspaceId,
        eq(messages.conversationId, id),
        inArray(messages.direction, ["inbound", "outbound"]),
        eq(messages.spam, false),
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return { conversation, messages: seen };
}
