// Decides, inside the intake transaction, whether a new mail gets an acknowledgement, and if so
// stores it as an automated outbound message with its send job (so a crash keeps both or neither).
import { and, eq, gt, sql } from "drizzle-orm";
import { recordEvent, systemActor } from "../../commands/events/record-event.ts";
import { chooseLanguage, detectLanguage, isLanguage } from "../../domain/language.ts";
import { composeAcknowledgement } from "../../domain/mail/acknowledgement.ts";
import { type Automation, acknowledgementAllowed } from "../../domain/mail/automation.ts";
import { promiseText } from "../../domain/sla/promise-text.ts";
import type { Intake } from "../../intake/receive.ts";
import type { Conversation } from "../../intake/thread.ts";
import type { Runtime } from "../../runtime.ts";
import type { Tx } from "../../store/database.ts";
import { brands, conversations, customers, messages, users } from "../../store/schema/index.ts";
import { conversationMessageId } from "./reply-token-crypto.ts";

export type AcknowledgementContext = {
  automation: Automation;
  spam: boolean;
  senderDisowned: boolean;
  senderAddress: string;
  text: string;
  inboundMessageId: string | null;
};

const hourMs = 3_600_000;

export async function acknowledgeIfDue(
  tx: Tx,
  rt: Runtime,
  intake: Intake,
  conversation: Conversation,
  context: AcknowledgementContext,
  /** The conversation's brand, when the intake already read it in this transaction. */
  known?: typeof brands.$inferSelect,
): Promise<void> {
  const ws = conversation.workspaceId;
  const now = rt.now();
  const [recent] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(messages)
    .innerJoin(
      conversations,
      and(
        eq(conversations.workspaceId, messages.workspaceId),
        eq(conversations.id, messages.conversationId),
      ),
    )
    .where(
      and(
        eq(messages.workspaceId, ws),
        eq(conversations.customerId, intake.customerId),
        eq(messages.automated, true),
        gt(messages.createdAt, new Date(now.getTime() - hourMs)),
      ),
    );
  const decision = acknowledgementAllowed({
    automation: context.automation,
    isReplyInOpenThread: !intake.newConversation,
    isSpam: context.spam,
    senderDisowned: context.senderDisowned,
    recentAcksToSender: recent?.count ?? 0,
  });
  if (!decision.allowed) {
    if (decision.reason !== "reply_in_open_thread") {
      await recordEvent(tx, {
        workspaceId: ws,
        id: rt.newId(),
        at: now,
        type: "acknowledgement.withheld",
        actor: systemActor,
        conversationId: conversation.id,
        customerId: intake.customerId,
        data: { reason: decision.reason, automation: context.automation.reasons },
      });
    }
    return;
  }
  const [brand] =
    known?.id === conversation.brandId
      ? [known]
      : await tx
          .select()
          .from(brands)
          .where(and(eq(brands.workspaceId, ws), eq(brands.id, conversation.brandId)));
  const [customer] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, ws), eq(customers.id, intake.customerId)));
  if (!brand || !customer || !conversation.firstResponseDueAt) return;
  const advisorId = conversation.assigneeId ?? customer.advisorId;
  const [advisor] = advisorId
    ? await tx
        .select({ name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, ws), eq(users.id, advisorId)))
    : [];
  const detected = detectLanguage(context.text.slice(0, 2000));
  const language = chooseLanguage({
    customerPreference: isLanguage(customer.preferredLanguage) ? customer.preferredLanguage : null,
    detected,
    brandLanguage: isLanguage(brand.language) ? brand.language : "en",
  });
  if (!customer.preferredLanguage && detected.reliable && detected.language) {
    // Remembered: what we send them next is in the language they wrote in, until they say otherwise.
    await tx
      .update(customers)
      .set({ preferredLanguage: detected.language })
      .where(and(eq(customers.workspaceId, ws), eq(customers.id, customer.id)));
    await recordEvent(tx, {
      workspaceId: ws,
      id: rt.newId(),
      at: now,
      type: "customer.updated",
      actor: systemActor,
      customerId: customer.id,
      before: { preferredLanguage: null },
      after: { preferredLanguage: detected.language },
      data: { reason: "language of their message" },
    });
  }
  const ack = composeAcknowledgement({
    language,
    originalSubject: conversation.subject,
    reference: conversation.reference,
    promiseText: promiseText({
      due: conversation.firstResponseDueAt,
      now,
      timeZone: brand.timeZone,
      language,
    }),
    brandName: brand.name,
    customerName: customer.name || null,
    advisorName: advisor?.name ?? null,
    signature: brand.signature || null,
  });
  const from = brand.addresses[0] ?? rt.config.supportAddress;
  const externalId = conversationMessageId(
    rt.secret,
    { workspaceId: ws, conversationId: conversation.id },
    from,
  );
  const id = rt.newId();
  await tx.insert(messages).values({
    workspaceId: ws,
    id,
    conversationId: conversation.id,
    direction: "outbound",
    channel: "email",
    authorKind: "system",
    authorName: brand.name,
    authorEmail: from,
    automated: true,
    subject: ack.subject,
    bodyText: ack.text,
    externalId,
    inReplyTo: context.inboundMessageId,
    delivery: "queued",
    createdAt: now,
  });
  await rt.queue.send(tx, "send-mail", { workspaceId: ws, messageId: id });
  await recordEvent(tx, {
    workspaceId: ws,
    id: rt.newId(),
    at: now,
    type: "acknowledgement.queued",
    actor: systemActor,
    conversationId: conversation.id,
    customerId: intake.customerId,
    data: { message_id: id, language },
  });
}
