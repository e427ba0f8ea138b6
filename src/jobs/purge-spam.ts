// Job (hourly, once across nodes): likely spam is kept for the workspace's retention (30 days by
// default), then deleted with its messages, attachments and stored bytes; the audit trail stays.
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { recordEvent, systemActor } from "../commands/events/record-event.ts";
import type { Runtime } from "../runtime.ts";
import {
  attachments,
  conversations,
  conversationTransfers,
  messages,
  widgetVisitors,
  workspaces,
} from "../store/schema/index.ts";

export async function purgeSpam(rt: Runtime, batch = 200): Promise<number> {
  const now = rt.now();
  const doomed = await rt.db
    .select({
      workspaceId: conversations.workspaceId,
      id: conversations.id,
      customerId: conversations.customerId,
    })
    .from(conversations)
    .innerJoin(workspaces, eq(workspaces.id, conversations.workspaceId))
    .where(
      and(
        eq(conversations.spam, true),
        lt(
          conversations.createdAt,
          sql`${now.toISOString()}::timestamptz - make_interval(days => ${workspaces.spamRetentionDays})`,
        ),
      ),
    )
    .limit(batch);
  const blobKeys: string[] = [];
  for (const c of doomed) {
    await rt.db.transaction(async (tx) => {
      // The conversation first, as every writer takes it (a reply, a recomputed clock), then its
      // messages: taking them the other way round deadlocks with a writer at work on it.
      const held = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.workspaceId, c.workspaceId), eq(conversations.id, c.id)))
        .for("update");
      if (held.length === 0) return;
      const inConversation = and(
        eq(messages.workspaceId, c.workspaceId),
        eq(messages.conversationId, c.id),
      );
      const ids = await tx
        .select({ id: messages.id, raw: messages.rawBlobKey })
        .from(messages)
        .where(inConversation);
      if (ids.length > 0) {
        const files = await tx
          .delete(attachments)
          .where(
            and(
              eq(attachments.workspaceId, c.workspaceId),
              inArray(
                attachments.messageId,
                ids.map((m) => m.id),
              ),
            ),
          )
          .returning({ key: attachments.blobKey });
        blobKeys.push(...files.map((f) => f.key), ...ids.flatMap((m) => (m.raw ? [m.raw] : [])));
      }
      await tx.delete(messages).where(inConversation);
      await tx
        .delete(conversationTransfers)
        .where(
          and(
            eq(conversationTransfers.workspaceId, c.workspaceId),
            eq(conversationTransfers.conversationId, c.id),
          ),
        );
      // A widget visitor whose chat was spam starts afresh with their next message.
      await tx
        .update(widgetVisitors)
        .set({ conversationId: null })
        .where(
          and(
            eq(widgetVisitors.workspaceId, c.workspaceId),
            eq(widgetVisitors.conversationId, c.id),
          ),
        );
      await tx
        .delete(conversations)
        .where(and(eq(conversations.workspaceId, c.workspaceId), eq(conversations.id, c.id)));
      await recordEvent(tx, {
        workspaceId: c.workspaceId,
        id: rt.newId(),
        at: now,
        type: "conversation.purged",
        actor: systemActor,
        conversationId: c.id,
        customerId: c.customerId,
        data: { reason: "spam retention" },
      });
    });
  }
  // Bytes go after the rows: a crash in between leaves an orphan file, never a row without its bytes.
  for (const key of blobKeys) await rt.blobs.delete(key);
  return doomed.length;
}
