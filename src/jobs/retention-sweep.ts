// Job (hourly, once across nodes): in workspaces that set a retention period, closed conversations
// older than it lose their words (subject, messages, files, events' payloads) as a person's erasure
// does; the rows stay, flagged "erased", so the charter's figures hold.
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { eraseConversations, erasedFlag } from "../commands/customer/erasure.ts";
import { forgetFiles } from "../commands/customer/forget-files.ts";
import { recordEvents, systemActor } from "../commands/events/record-event.ts";
import { closedErasable } from "../domain/retention.ts";
import type { Runtime } from "../runtime.ts";
import { conversations, workspaces } from "../store/schema/index.ts";

export async function sweepRetention(rt: Runtime, batch = 100): Promise<number> {
  const now = rt.now();
  const { count, files } = await rt.db.transaction(async (tx) => {
    const due = await tx
      .select({
        workspaceId: conversations.workspaceId,
        id: conversations.id,
        customerId: conversations.customerId,
        closedAt: conversations.closedAt,
        days: workspaces.closedRetentionDays,
      })
      .from(conversations)
      .innerJoin(workspaces, eq(workspaces.id, conversations.workspaceId))
      .where(
        and(
          isNotNull(workspaces.closedRetentionDays),
          eq(conversations.status, "closed"),
          sql`not ${conversations.flags} ? ${erasedFlag}`,
          sql`${conversations.closedAt} < ${now.toISOString()}::timestamptz - make_interval(days => ${workspaces.closedRetentionDays})`,
        ),
      )
      .orderBy(asc(conversations.closedAt))
      .limit(batch)
      .for("update", { of: conversations, skipLocked: true });
    const ready = due.filter((c) => closedErasable(c.closedAt, now, c.days));
    const files = { blobKeys: [] as string[], outboxNames: [] as string[] };
    for (const workspaceId of new Set(ready.map((c) => c.workspaceId))) {
      const theirs = ready.filter((c) => c.workspaceId === workspaceId);
      const erased = await eraseConversations(
        tx,
        workspaceId,
        theirs.map((c) => c.id),
        now,
      );
      files.blobKeys.push(...erased.blobKeys);
      files.outboxNames.push(...erased.outboxNames);
      await recordEvents(
        tx,
        theirs.map((c) => ({
          workspaceId,
          id: rt.newId(),
          at: now,
          type: "conversation.erased",
          actor: systemActor,
          conversationId: c.id,
          customerId: c.customerId,
          data: { reason: "retention", days: c.days },
        })),
      );
    }
    return { count: ready.length, files };
  });
  await forgetFiles(rt, files);
  return count;
}
