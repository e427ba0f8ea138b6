// Job (every minute, once across nodes): a conversation resolved N days ago (default 7) closes by itself.
import { and, asc, eq, lte } from "drizzle-orm";
import { recordEvent, systemActor } from "../commands/events/record-event.ts";
import { autoCloseAt, defaultAutoCloseDays } from "../domain/conversation/transitions.ts";
import type { Runtime } from "../runtime.ts";
import { conversations } from "../store/schema/index.ts";

export async function closeResolved(
  rt: Runtime,
  batch = 200,
  days = defaultAutoCloseDays,
): Promise<number> {
  return rt.db.transaction(async (tx) => {
    const now = rt.now();
    const cutoff = new Date(now.getTime() - days * 86_400_000);
    const ready = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.status, "resolved"), lte(conversations.resolvedAt, cutoff)))
      .orderBy(asc(conversations.resolvedAt))
      .limit(batch)
      .for("update", { skipLocked: true });
    for (const c of ready) {
      if (!c.resolvedAt || autoCloseAt(c.resolvedAt, days) > now) continue;
      await tx
        .update(conversations)
        .set({ status: "closed", closedAt: now, updatedAt: now })
        .where(and(eq(conversations.workspaceId, c.workspaceId), eq(conversations.id, c.id)));
      await recordEvent(tx, {
        workspaceId: c.workspaceId,
        id: rt.newId(),
        at: now,
        type: "conversation.updated",
        actor: systemActor,
        conversationId: c.id,
        customerId: c.customerId,
        before: { status: "resolved" },
        after: { status: "closed" },
        data: { reason: "auto_close", days },
      });
    }
    return ready.length;
  });
}
