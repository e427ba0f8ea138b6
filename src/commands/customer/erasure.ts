// The steps every erasure shares (a person's request, the retention period): conversations keep the
// columns the charter counts and lose their subject; messages lose every word, address and file;
// events about them lose their payloads; notifications, replayable answers and jobs naming them go.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { forgetJobsAbout } from "../../jobs/forget-jobs.ts";
import type { Tx } from "../../store/database.ts";
import {
  attachments,
  conversations,
  conversationTransfers,
  events,
  idempotencyKeys,
  messages,
  notifications,
} from "../../store/schema/index.ts";

/** What the erasure leaves to delete once committed: stored bytes and outbox copies. */
export type ErasedFiles = {
  blobKeys: string[];
  /** Names the outbox gave to mails about erased rows (message ids, `n-` + notification ids). */
  outboxNames: string[];
};

export type Erased = ErasedFiles & { conversations: number; messages: number };

/** The flag of a conversation whose words were erased: the row stays for the charter's figures. */
export const erasedFlag = "erased";

const chunk = 1000;

function* chunks<T>(list: T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += chunk) yield list.slice(i, i + chunk);
}

/** Blanks the given messages and drops their attachments; answers the files to delete. */
export async function eraseMessages(
  tx: Tx,
  workspaceId: string,
  ids: string[],
): Promise<ErasedFiles> {
  const files: ErasedFiles = { blobKeys: [], outboxNames: [...ids] };
  for (const part of chunks(ids)) {
    const dropped = await tx
      .delete(attachments)
      .where(and(eq(attachments.workspaceId, workspaceId), inArray(attachments.messageId, part)))
      .returning({ key: attachments.blobKey });
    const raw = await tx
      .select({ key: messages.rawBlobKey })
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), inArray(messages.id, part)));
    await tx
      .update(messages)
      .set({
        subject: "",
        bodyText: "",
        bodyHtml: null,
        authorName: "",
        authorEmail: null,
        externalId: null,
        dedupeKey: null,
        inReplyTo: null,
        references: [],
        spamReasons: [],
        mood: null,
        deliveryError: null,
        rawBlobKey: null,
      })
      .where(and(eq(messages.workspaceId, workspaceId), inArray(messages.id, part)));
    files.blobKeys.push(
      ...dropped.map((d) => d.key),
      ...raw.flatMap((m) => (m.key ? [m.key] : [])),
    );
  }
  return files;
}

/**
 * Events keep their type, actor, time and ids; their payloads go (a customer actor's name too),
 * marked `erased` so the timeline shows such an event without data rather than as its type's.
 */
export async function blankEvents(tx: Tx, workspaceId: string, about: SQL) {
  await tx
    .update(events)
    .set({
      before: null,
      after: null,
      data: sql`jsonb_build_object('actor_name',
        case when ${events.actorKind} = 'customer' then '' else coalesce(${events.data}->>'actor_name', '') end,
        'erased', true)`,
    })
    .where(and(eq(events.workspaceId, workspaceId), about));
}

/** Forgets the replayable answers, notifications and jobs that name any of these ids. */
export async function forgetTraces(
  tx: Tx,
  workspaceId: string,
  ids: string[],
  conversationIds: string[],
): Promise<string[]> {
  const outboxNames: string[] = [];
  for (const part of chunks(conversationIds)) {
    const dropped = await tx
      .delete(notifications)
      .where(
        and(
          eq(notifications.workspaceId, workspaceId),
          inArray(notifications.conversationId, part),
        ),
      )
      .returning({ id: notifications.id });
    outboxNames.push(...dropped.map((n) => `n-${n.id}`));
    // A transfer's reasons are the advisors' words about the person: erased with them.
    await tx
      .update(conversationTransfers)
      .set({ reason: "", decisionReason: null })
      .where(
        and(
          eq(conversationTransfers.workspaceId, workspaceId),
          inArray(conversationTransfers.conversationId, part),
        ),
      );
  }
  const named = [...ids, ...outboxNames.map((n) => n.slice(2))];
  for (const part of chunks(named)) {
    await tx.delete(idempotencyKeys).where(
      and(
        eq(idempotencyKeys.workspaceId, workspaceId),
        sql`exists (select 1 from unnest(${sql.param(part)}::text[]) as named(id)
              where position(named.id in ${idempotencyKeys.response}::text) > 0)`,
      ),
    );
    await forgetJobsAbout(tx, part);
  }
  return outboxNames;
}

/** Erases whole conversations: their messages, their events' payloads and every trace of them. */
export async function eraseConversations(
  tx: Tx,
  workspaceId: string,
  ids: string[],
  now: Date,
): Promise<Erased> {
  const erased: Erased = { blobKeys: [], outboxNames: [], conversations: 0, messages: 0 };
  if (ids.length === 0) return erased;
  const messageIds: string[] = [];
  for (const part of chunks(ids)) {
    const rows = await tx
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), inArray(messages.conversationId, part)));
    messageIds.push(...rows.map((m) => m.id));
    await tx
      .update(conversations)
      // Nobody is left to answer: out of the unanswered watch and the SLA sweeps. The columns the
      // charter counts (status, times, promise, first answer) stay as they were.
      .set({
        subject: "",
        flags: [erasedFlag],
        updatedAt: now,
        awaitingSince: null,
        firstResponseDueAt: null,
        nextResponseDueAt: null,
        resolutionDueAt: null,
        slaNextAlertAt: null,
      })
      .where(and(eq(conversations.workspaceId, workspaceId), inArray(conversations.id, part)));
    await blankEvents(tx, workspaceId, inArray(events.conversationId, part));
  }
  const files = await eraseMessages(tx, workspaceId, messageIds);
  const notified = await forgetTraces(tx, workspaceId, [...ids, ...messageIds], ids);
  return {
    blobKeys: files.blobKeys,
    outboxNames: [...files.outboxNames, ...notified],
    conversations: ids.length,
    messages: messageIds.length,
  };
}
