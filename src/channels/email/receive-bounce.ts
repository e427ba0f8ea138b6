// A bounce (a delivery status notification, or a mail to one of our return paths) never opens a
// conversation: it is matched to the outbound message it is about, which becomes `bounced`; the
// conversation is unanswered again with a note for the advisor; a hard bounce flags the address.
import { and, eq, sql } from "drizzle-orm";
import { lockConversation } from "../../commands/conversation/load.ts";
import { refreshAnswerState } from "../../commands/conversation/refresh-answer-state.ts";
import { recordEvent, systemActor } from "../../commands/events/record-event.ts";
import { replyTokenHmac } from "../../commands/mail/reply-message-id.ts";
import { normalizeEmail } from "../../domain/identity/normalize.ts";
import { readBounce } from "../../domain/mail/bounce.ts";
import { readVerp } from "../../domain/mail/verp.ts";
import type { Runtime } from "../../runtime.ts";
import { customerIdentities, messages } from "../../store/schema/index.ts";
import type { MailEnvelope } from "./ingest-mail.ts";
import type { ParsedMail } from "./parse.ts";

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

/** Handles the mail when it is a bounce or addressed to a return path; `handled: false` otherwise. */
export async function receiveBounce(
  rt: Runtime,
  workspaceId: string,
  mail: ParsedMail,
  raw: Buffer,
  envelope: MailEnvelope,
  toReturnPath: boolean,
): Promise<BounceOutcome> {
  const bounce = readBounce({
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
  if (bounce.kind === "not_a_bounce" && !toReturnPath) return { handled: false };
  const message = await outboundMessage(rt, workspaceId, envelope, bounce.originalMessageId);
  // Kept whatever it is: nothing answered 250 is dropped.
  const blobKey = await rt.blobs.put(raw, { kind: "raw", extension: "eml" });
  if (!message || bounce.kind === "not_a_bounce") {
    // An auto-reply to our return path, or a bounce about nothing we know: never a conversation.
    const note =
      bounce.kind === "not_a_bounce"
        ? "not a bounce: set aside"
        : "bounce about an unknown message";
    await recordEvent(rt.db, {
      workspaceId,
      id: rt.newId(),
      at: rt.now(),
      type: "mail.set_aside",
      actor: systemActor,
      data: { reason: note, kind: bounce.kind, raw_blob_key: blobKey, status: bounce.status },
    });
    return { handled: true, note };
  }
  await rt.db.transaction(async (tx) => {
    const now = rt.now();
    const conversation = await lockConversation(tx, workspaceId, message.conversationId);
    const reason =
      [bounce.status, bounce.diagnostic].filter(Boolean).join(" ").slice(0, 500) ||
      "delivery failed";
    if (bounce.kind === "delayed") {
      await recordEvent(tx, {
        workspaceId,
        id: rt.newId(),
        at: now,
        type: "message.delivery_delayed",
        actor: systemActor,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        data: { message_id: message.id, reason },
      });
      return;
    }
    await tx
      .update(messages)
      .set({ delivery: "bounced", deliveryError: reason })
      .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, message.id)));
    const recipient = bounce.recipient ? normalizeEmail(bounce.recipient) : null;
    if (bounce.kind === "hard" && recipient) {
      await tx
        .update(customerIdentities)
        .set({
          flags: sql`(select jsonb_agg(distinct f) from jsonb_array_elements(${customerIdentities.flags} || '["hard_bounce"]'::jsonb) as f)`,
        })
        .where(
          and(
            eq(customerIdentities.workspaceId, workspaceId),
            eq(customerIdentities.kind, "email"),
            eq(customerIdentities.value, recipient),
          ),
        );
    }
    if (!message.automated) {
      await tx.insert(messages).values({
        workspaceId,
        id: rt.newId(),
        conversationId: conversation.id,
        direction: "note",
        channel: conversation.channel,
        authorKind: "system",
        authorName: "Rapport",
        bodyText:
          `The reply of ${message.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC did not reach the customer ` +
          `(${bounce.kind} bounce: ${reason}). They have not been answered: ` +
          (bounce.kind === "hard"
            ? "their address is refused — find another way to reach them."
            : "try again or reach them another way."),
        createdAt: now,
      });
    }
    const status =
      conversation.status === "waiting_customer" && !message.automated
        ? "open"
        : conversation.status;
    await refreshAnswerState(tx, conversation, now, { status });
    await recordEvent(tx, {
      workspaceId,
      id: rt.newId(),
      at: now,
      type: "message.bounced",
      actor: systemActor,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      data: { message_id: message.id, kind: bounce.kind, reason, recipient, raw_blob_key: blobKey },
    });
  });
  return { handled: true, note: `${bounce.kind} bounce recorded` };
}
