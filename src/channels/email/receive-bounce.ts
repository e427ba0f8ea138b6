// A bounce (a delivery status notification, or a mail to one of our return paths) never opens a
// conversation: it is matched to the outbound message it is about, which becomes `bounced`; the
// conversation is unanswered again with a note for the advisor; a hard bounce flags the address
// (what changes is decided in domain/mail/bounce-outcome.ts).
import { and, eq, sql } from "drizzle-orm";
import { lockConversation } from "../../commands/conversation/load.ts";
import { refreshAnswerState } from "../../commands/conversation/refresh-answer-state.ts";
import { systemActor } from "../../commands/events/record-event.ts";
import { replyTokenHmac } from "../../commands/mail/reply-message-id.ts";
import { openUnit, type UnitOfWork } from "../../commands/unit-of-work.ts";
import { normalizeEmail } from "../../domain/identity/normalize.ts";
import { type Bounce, readBounce } from "../../domain/mail/bounce.ts";
import {
  bounceNote,
  bounceReason,
  refusedAddress,
  statusAfterBounce,
} from "../../domain/mail/bounce-outcome.ts";
import { readVerp } from "../../domain/mail/verp.ts";
import type { Conversation } from "../../intake/thread.ts";
import type { Runtime } from "../../runtime.ts";
import { customerIdentities, messages } from "../../store/schema/index.ts";
import type { MailEnvelope } from "./ingest-mail.ts";
import type { ParsedMail } from "./parse.ts";
import { recordSetAside } from "./set-aside.ts";

export type BounceOutcome = { handled: false } | { handled: true; note: string };

async function outboundMessage(
  rt: Runtime,
  workspaceId: string,
  envelope: MailEnvelope,
  originalMessageId: string | null,
) {
  const hmac = replyTokenHmac(rt.secret);
  for (const recipient of envelope.recipients) {
    const target = readVerp(recipient, { workspaceId, hmac });
    if (target) {
      const [m] = await rt.db
        .select()
        .from(messages)
        .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, target.messageId)));
      if (m) return m;
    }
  }
  if (!originalMessageId) return null;
  const [m] = await rt.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.externalId, originalMessageId),
        eq(messages.direction, "outbound"),
      ),
    )
    .limit(1);
  return m ?? null;
}

/** What the bounce reader makes of the mail, with the envelope's return path and recipient. */
function bounceOf(mail: ParsedMail, envelope: MailEnvelope): Bounce {
  return readBounce({
    from: mail.from,
    subject: mail.subject,
    contentType: mail.contentType,
    headers: mail.headers,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments,
    returnPath: envelope.mailFrom ?? mail.returnPath,
    envelopeRecipient: envelope.recipients[0] ?? null,
  });
}

type Bounced = typeof messages.$inferSelect;

/** The outbound message is marked bounced, its address flagged if refused for good, a note left. */
async function markBounced(
  uow: UnitOfWork,
  conversation: Conversation,
  message: Bounced,
  bounce: Bounce & { kind: "hard" | "soft" },
  reason: string,
) {
  const { tx } = uow;
  const ws = conversation.workspaceId;
  await tx
    .update(messages)
    .set({ delivery: "bounced", deliveryError: reason })
    .where(and(eq(messages.workspaceId, ws), eq(messages.id, message.id)));
  const refused = refusedAddress(bounce);
  if (refused) {
    await tx
      .update(customerIdentities)
      .set({
        flags: sql`(select jsonb_agg(distinct f) from jsonb_array_elements(${customerIdentities.flags} || '["hard_bounce"]'::jsonb) as f)`,
      })
      .where(
        and(
          eq(customerIdentities.workspaceId, ws),
          eq(customerIdentities.kind, "email"),
          eq(customerIdentities.value, normalizeEmail(refused)),
        ),
      );
  }
  if (!message.automated) {
    await tx.insert(messages).values({
      workspaceId: ws,
      id: uow.newId(),
      conversationId: conversation.id,
      direction: "note",
      channel: conversation.channel,
      authorKind: "system",
      authorName: "Rapport",
      bodyText: bounceNote(bounce.kind, reason, message.createdAt),
      createdAt: uow.now,
    });
  }
}

/** In one transaction: a delay is noted; a failure marks the message and reopens the conversation. */
async function recordBounce(
  rt: Runtime,
  workspaceId: string,
  message: Bounced,
  bounce: Bounce & { kind: "hard" | "soft" | "delayed" },
  blobKey: string,
) {
  await rt.db.transaction(async (tx) => {
    const uow = openUnit(rt, tx, { workspaceId, actor: systemActor });
    const conversation = await lockConversation(tx, workspaceId, message.conversationId);
    const reason = bounceReason(bounce);
    const about = { conversationId: conversation.id, customerId: conversation.customerId };
    if (bounce.kind === "delayed") {
      await uow.record({
        ...about,
        type: "message.delivery_delayed",
        data: { message_id: message.id, reason },
      });
      return;
    }
    await markBounced(uow, conversation, message, { ...bounce, kind: bounce.kind }, reason);
    await refreshAnswerState(tx, conversation, uow.now, {
      status: statusAfterBounce(conversation.status, message),
    });
    await uow.record({
      ...about,
      type: "message.bounced",
      data: {
        message_id: message.id,
        kind: bounce.kind,
        reason,
        recipient: bounce.recipient ? normalizeEmail(bounce.recipient) : null,
        raw_blob_key: blobKey,
      },
    });
  });
}

/** Handles the mail when it is a bounce or addressed to a return path; `handled: false` otherwise. */
export async function receiveBounce(
  rt: Runtime,
  workspaceId: string,
  mail: ParsedMail,
  raw: Buffer,
  envelope: MailEnvelope,
  toReturnPath: boolean,
): Promise<BounceOutcome> {
  const bounce = bounceOf(mail, envelope);
  if (bounce.kind === "not_a_bounce" && !toReturnPath) return { handled: false };
  const message = await outboundMessage(rt, workspaceId, envelope, bounce.originalMessageId);
  // Kept whatever it is: nothing answered 250 is dropped.
  const blobKey = await rt.blobs.put(raw, { kind: "raw", extension: "eml" });
  if (bounce.kind === "not_a_bounce" || !message) {
    // An auto-reply to our return path, or a bounce about nothing we know: never a conversation.
    const note =
      bounce.kind === "not_a_bounce"
        ? "not a bounce: set aside"
        : "bounce about an unknown message";
    await recordSetAside(rt, [
      {
        workspaceId,
        data: { reason: note, kind: bounce.kind, raw_blob_key: blobKey, status: bounce.status },
      },
    ]);
    return { handled: true, note };
  }
  await recordBounce(rt, workspaceId, message, { ...bounce, kind: bounce.kind }, blobKey);
  return { handled: true, note: `${bounce.kind} bounce recorded` };
}
