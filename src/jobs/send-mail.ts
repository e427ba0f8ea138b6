// Job: send one outbound message (a reply or an acknowledgement) and record its delivery; a delivered
// human reply makes the conversation answered. Retried with backoff; a permanent failure is shown.

import { and, asc, eq } from "drizzle-orm";
import { composeMail } from "../channels/email/compose.ts";
import type { Deliver } from "../channels/email/deliver.ts";
import { signMail } from "../channels/email/dkim.ts";
import { lockConversation } from "../commands/conversation/load.ts";
import { refreshAnswerState } from "../commands/conversation/refresh-answer-state.ts";
import { recordEvent, systemActor } from "../commands/events/record-event.ts";
import { ensureDkimKey } from "../commands/mail/brand-mail-setup.ts";
import { replyTokenHmac } from "../commands/mail/reply-message-id.ts";
import { createReplyToken, replyToAddress } from "../domain/mail/reply-token.ts";
import { verpAddress } from "../domain/mail/verp.ts";
import type { Runtime } from "../runtime.ts";
import { attachmentsOfMessage } from "../store/queries/attachments.ts";
import { customerEmailOf } from "../store/queries/conversations.ts";
import { brands, conversations, messages } from "../store/schema/index.ts";
import type { JobData } from "./job-data.ts";

export type SendMailJob = JobData["send-mail"];
type Attempt = { retryCount: number; retryLimit: number };

async function loadMail(rt: Runtime, job: SendMailJob) {
  const [message] = await rt.db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, job.workspaceId), eq(messages.id, job.messageId)));
  if (!message) return null;
  const [conversation] = await rt.db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, job.workspaceId),
        eq(conversations.id, message.conversationId),
      ),
    );
  if (!conversation) return null;
  const [brand] = await rt.db
    .select()
    .from(brands)
    .where(and(eq(brands.workspaceId, job.workspaceId), eq(brands.id, conversation.brandId)));
  const to = await customerEmailOf(rt.db, job.workspaceId, conversation.customerId);
  const earlier = await rt.db
    .select({ externalId: messages.externalId, direction: messages.direction })
    .from(messages)
    .where(
      and(eq(messages.workspaceId, job.workspaceId), eq(messages.conversationId, conversation.id)),
    )
    .orderBy(asc(messages.createdAt));
  // The customer's latest message, which the mail answers (In-Reply-To), from the same read.
  const lastFromCustomer = earlier.filter((m) => m.direction === "inbound").at(-1);
  const files = await attachmentsOfMessage(rt.db, job.workspaceId, message.id);
  return { message, conversation, brand, to, earlier, lastFromCustomer, files };
}

async function record(
  rt: Runtime,
  job: SendMailJob,
  outcome: { delivered: boolean; error: string | null },
) {
  await rt.db.transaction(async (tx) => {
    const now = rt.now();
    const [message] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.workspaceId, job.workspaceId), eq(messages.id, job.messageId)));
    if (!message) return;
    const conversation = await lockConversation(tx, job.workspaceId, message.conversationId);
    await tx
      .update(messages)
      .set(
        outcome.delivered
          ? { delivery: "sent", deliveredAt: now, deliveryError: null }
          : { delivery: "failed", deliveryError: outcome.error },
      )
      .where(and(eq(messages.workspaceId, job.workspaceId), eq(messages.id, job.messageId)));
    await refreshAnswerState(tx, conversation, now);
    await recordEvent(tx, {
      workspaceId: job.workspaceId,
      id: rt.newId(),
      at: now,
      type: outcome.delivered ? "message.delivered" : "message.delivery_failed",
      actor: systemActor,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      data: { message_id: message.id, automated: message.automated, error: outcome.error },
    });
  });
}

export async function sendMail(
  rt: Runtime,
  deliver: Deliver,
  job: SendMailJob,
  attempt: Attempt,
): Promise<void> {
  const mail = await loadMail(rt, job);
  if (mail?.message.delivery !== "queued") return; // already sent, failed or gone: nothing to do
  const { message, conversation, brand, to } = mail;
  if (!to) {
    await record(rt, job, { delivered: false, error: "this customer has no email address" });
    return;
  }
  if (to.flags.includes("hard_bounce")) {
    // Not lost the same way twice: the advisor sees it at once and reaches the customer otherwise.
    await record(rt, job, {
      delivered: false,
      error: `${to.value} bounced for good before: not sent; reach the customer another way`,
    });
    return;
  }
  const brandAddress = brand?.addresses[0] ?? rt.config.supportAddress;
  const token = createReplyToken(
    { workspaceId: job.workspaceId, conversationId: conversation.id },
    replyTokenHmac(rt.secret),
  );
  const references = mail.earlier
    .map((m) => m.externalId)
    .filter((x): x is string => !!x && x !== message.externalId);
  const signature = brand?.signature ? `\n\n--\n${brand.signature}` : "";
  const attachments = await Promise.all(
    mail.files.map(async (f) => ({
      filename: f.filename,
      contentType: f.contentType,
      content: await rt.blobs.get(f.blobKey),
    })),
  );
  const raw = await composeMail({
    from: {
      name: message.automated
        ? (brand?.name ?? "")
        : `${message.authorName} (${brand?.name ?? ""})`,
      address: brandAddress,
    },
    to: { address: to.value },
    cc: message.cc.map((address) => ({ address })),
    replyTo: replyToAddress({ brandAddress, token }),
    subject: message.subject,
    text: message.automated ? message.bodyText : `${message.bodyText}${signature}`,
    messageId: `<${message.externalId}>`,
    inReplyTo: mail.lastFromCustomer?.externalId ? `<${mail.lastFromCustomer.externalId}>` : null,
    references: references.slice(-20).map((r) => `<${r}>`),
    autoSubmitted: message.automated ? "auto-replied" : undefined,
    attachments,
    date: rt.now(),
  });
  // Automatic mail goes out with the null return path (RFC 3834); a reply with one that names it,
  // so that a bounce finds its way back to this very message.
  const returnPath = message.automated
    ? ""
    : verpAddress(
        {
          workspaceId: job.workspaceId,
          messageId: message.id,
          domain: brandAddress.slice(brandAddress.lastIndexOf("@") + 1),
        },
        replyTokenHmac(rt.secret),
      );
  const key = brand ? await ensureDkimKey(rt.db, brand, rt.now()) : null;
  const bytes = key ? await signMail(raw, key) : raw;
  const outcome = await deliver(
    { from: returnPath, to: [to.value, ...message.cc] },
    bytes,
    message.id,
    rt.now(),
  );
  if (outcome.ok) {
    await record(rt, job, { delivered: true, error: null });
    return;
  }
  if (outcome.permanent || attempt.retryCount >= attempt.retryLimit) {
    await record(rt, job, { delivered: false, error: outcome.response.slice(0, 500) });
    return;
  }
  throw new Error(`the relay could not take the mail yet: ${outcome.response.slice(0, 200)}`);
}
