// Decides, inside the intake transaction, which new mails get an acknowledgement, and stores each as
// an automated outbound message with its send job (so a crash keeps both or neither) — for a whole
// batch with a fixed number of statements.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import {
  chooseLanguage,
  detectLanguage,
  isLanguage,
  type Language,
} from "../../domain/language.ts";
import { composeAcknowledgement } from "../../domain/mail/acknowledgement.ts";
import { type Automation, acknowledgementAllowed } from "../../domain/mail/automation.ts";
import { composeEscalationNotice } from "../../domain/mail/escalation-notice.ts";
import { promiseText } from "../../domain/sla/promise-text.ts";
import type { Intake } from "../../intake/receive.ts";
import type { Conversation } from "../../intake/thread.ts";
import type { Runtime } from "../../runtime.ts";
import type { Tx } from "../../store/database.ts";
import { insertRows } from "../../store/insert-rows.ts";
import {
  brands,
  conversations,
  customers,
  messageInConversation,
  messages,
  users,
} from "../../store/schema/index.ts";
import { systemActor } from "../events/record-event.ts";
import { type AnyNewEvent, openUnit, type Transaction, type UnitOfWork } from "../unit-of-work.ts";
import { automatedMailRow } from "./automated-mail.ts";

export type AcknowledgementContext = {
  automation: Automation;
  spam: boolean;
  senderDisowned: boolean;
  senderAddress: string;
  text: string;
  inboundMessageId: string | null;
};

export type AcknowledgementRequest = {
  intake: Intake;
  conversation: Conversation;
  context: AcknowledgementContext;
  /** The conversation's brand, when the intake already read it in this transaction. */
  brand?: typeof brands.$inferSelect | undefined;
  /** The manager the customer's message asked for, given the conversation in this batch. */
  escalatedTo?: { id: string; name: string } | null;
};

const hourMs = 3_600_000;

/** How many automated mails each customer got in the last hour (the 3-per-hour limit). */
async function recentAcknowledgements(
  tx: Tx,
  workspaceId: string,
  customerIds: string[],
  now: Date,
) {
  if (customerIds.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ customerId: conversations.customerId, count: sql<number>`count(*)::int` })
    .from(messages)
    .innerJoin(conversations, messageInConversation)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        inArray(conversations.customerId, customerIds),
        eq(messages.automated, true),
        gt(messages.createdAt, new Date(now.getTime() - hourMs)),
      ),
    )
    .groupBy(conversations.customerId);
  return new Map(rows.map((r) => [r.customerId, r.count]));
}

/** The acknowledgements of one workspace's new mails; the others are left alone or noted. */
export async function acknowledgeMany(
  uow: UnitOfWork,
  workspaceId: string,
  requests: AcknowledgementRequest[],
): Promise<void> {
  const { tx, now } = uow;
  // A reply inside an open thread is owed nothing, unless it asked for a manager: then a notice.
  const candidates = requests.filter((r) => !r.intake.continued || r.escalatedTo);
  if (candidates.length === 0) return;
  const recent = await recentAcknowledgements(
    tx,
    workspaceId,
    [...new Set(candidates.map((r) => r.intake.customerId))],
    now,
  );
  const happened: AnyNewEvent[] = [];
  const allowed: AcknowledgementRequest[] = [];
  for (const r of candidates) {
    const count = recent.get(r.intake.customerId) ?? 0;
    const decision = acknowledgementAllowed({
      automation: r.context.automation,
      isReplyInOpenThread: false,
      isSpam: r.context.spam,
      senderDisowned: r.context.senderDisowned,
      recentAcksToSender: count,
    });
    if (decision.allowed) {
      allowed.push(r);
      recent.set(r.intake.customerId, count + 1);
    } else if (decision.reason !== "reply_in_open_thread") {
      happened.push({
        type: "acknowledgement.withheld",
        actor: systemActor,
        conversationId: r.conversation.id,
        customerId: r.intake.customerId,
        data: { reason: decision.reason, automation: r.context.automation.reasons },
      });
    }
  }
  if (allowed.length > 0) await writeAcknowledgements(uow, workspaceId, allowed, happened);
  await uow.recordAll(happened);
}

type Brand = typeof brands.$inferSelect;
type Customer = typeof customers.$inferSelect;

/** Who the acknowledgements speak for and to: the brands, the customers, their advisors' names. */
async function addresseesOf(uow: UnitOfWork, ws: string, allowed: AcknowledgementRequest[]) {
  const { tx } = uow;
  const known = new Map(allowed.flatMap((r) => (r.brand ? [[r.brand.id, r.brand]] : [])));
  const missingBrands = allowed.map((r) => r.conversation.brandId).filter((id) => !known.has(id));
  if (missingBrands.length > 0) {
    const rows = await tx
      .select()
      .from(brands)
      .where(and(eq(brands.workspaceId, ws), inArray(brands.id, [...new Set(missingBrands)])));
    for (const b of rows) known.set(b.id, b);
  }
  const people = await tx
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, ws),
        inArray(customers.id, [...new Set(allowed.map((r) => r.intake.customerId))]),
      ),
    );
  const customerById = new Map(people.map((c) => [c.id, c]));
  const advisorIds = [
    ...new Set(
      allowed.flatMap((r) => (r.conversation.assigneeId ? [r.conversation.assigneeId] : [])),
    ),
  ];
  const advisors =
    advisorIds.length > 0
      ? await tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.workspaceId, ws), inArray(users.id, advisorIds)))
      : [];
  return { brands: known, customerById, advisorName: new Map(advisors.map((a) => [a.id, a.name])) };
}

/**
 * The language to answer in: the customer's, else the one they wrote in (then remembered, so what
 * we send them next is in it too, until they say otherwise), else the brand's.
 */
function languageFor(
  r: AcknowledgementRequest,
  customer: Customer,
  brand: Brand,
  learnt: Map<string, string>,
  happened: AnyNewEvent[],
) {
  const remembered = learnt.get(customer.id) ?? customer.preferredLanguage;
  // A customer whose language is known is answered in it: nothing to detect.
  const detected = isLanguage(remembered) ? null : detectLanguage(r.context.text.slice(0, 2000));
  const language = chooseLanguage({
    customerPreference: isLanguage(remembered) ? remembered : null,
    detected,
    brandLanguage: isLanguage(brand.language) ? brand.language : "en",
  });
  if (!remembered && detected?.reliable && detected.language) {
    learnt.set(customer.id, detected.language);
    happened.push({
      type: "customer.updated",
      actor: systemActor,
      customerId: customer.id,
      before: { preferredLanguage: null },
      after: { preferredLanguage: detected.language },
      data: { reason: "language of their message" },
    });
  }
  return language;
}

/** The acknowledgement as an automated outbound message, queued for sending. */
function acknowledgementRow(
  uow: UnitOfWork,
  r: AcknowledgementRequest,
  to: { brand: Brand; customer: Customer; advisorName: string | null; language: Language },
  due: Date | null,
): typeof messages.$inferInsert & { id: string } {
  const { brand, customer, language } = to;
  const promise = due
    ? promiseText({ due, now: uow.now, timeZone: brand.timeZone, language })
    : null;
  const people = {
    brandName: brand.name,
    customerName: customer.name || null,
    signature: brand.signature || null,
  };
  const ack =
    r.intake.continued && r.escalatedTo
      ? composeEscalationNotice({
          ...people,
          language,
          reference: r.conversation.reference,
          subject: r.conversation.subject,
          managerName: r.escalatedTo.name,
          promiseText: promise,
          asked: true,
        })
      : composeAcknowledgement({
          ...people,
          language,
          reference: r.conversation.reference,
          promiseText: promise ?? "",
          advisorName: to.advisorName,
          escalated: Boolean(r.escalatedTo),
        });
  return automatedMailRow(uow, {
    conversationId: r.conversation.id,
    brand,
    mail: ack,
    inReplyTo: r.context.inboundMessageId,
  });
}

/** The acknowledgements allowed, written with their send jobs and the languages learnt. */
async function writeAcknowledgements(
  uow: UnitOfWork,
  ws: string,
  allowed: AcknowledgementRequest[],
  happened: AnyNewEvent[],
) {
  const { tx } = uow;
  const addressees = await addresseesOf(uow, ws, allowed);
  const rows: Array<typeof messages.$inferInsert & { id: string }> = [];
  const learnt = new Map<string, string>();
  for (const r of allowed) {
    const brand = addressees.brands.get(r.conversation.brandId);
    const customer = addressees.customerById.get(r.intake.customerId);
    const due = r.intake.continued
      ? (r.conversation.nextResponseDueAt ?? r.conversation.firstResponseDueAt)
      : r.conversation.firstResponseDueAt;
    if (!brand || !customer || (!due && !r.intake.continued)) continue;
    const language = languageFor(r, customer, brand, learnt, happened);
    // Routing chose who answers: the acknowledgement names them, and nobody when nobody was chosen.
    const assigneeId = r.conversation.assigneeId;
    const advisorName = (assigneeId && addressees.advisorName.get(assigneeId)) || null;
    const row = acknowledgementRow(uow, r, { brand, customer, advisorName, language }, due);
    rows.push(row);
    happened.push({
      type: "acknowledgement.queued",
      actor: systemActor,
      conversationId: r.conversation.id,
      customerId: r.intake.customerId,
      data: {
        message_id: row.id,
        language,
        ...(r.intake.continued ? { kind: "escalation_notice" } : {}),
      },
    });
  }
  if (learnt.size > 0) {
    const languages = [...learnt].map(([id, language]) => ({ id, language }));
    await tx.execute(sql`
      update customers c set preferred_language = v.language
      from jsonb_to_recordset(${JSON.stringify(languages)}::jsonb) as v(id uuid, language text)
      where c.workspace_id = ${ws} and c.id = v.id and c.preferred_language is null`);
  }
  if (rows.length === 0) return;
  await insertRows(tx, messages, rows);
  await uow.runtime.queue.sendMany(
    tx,
    "send-mail",
    rows.map((m) => ({ workspaceId: ws, messageId: m.id })),
  );
}

/**
 * The acknowledgements of messages just stored (by mail or through the API), in the intake's
 * transaction: each workspace's share decided together, in its own unit of work.
 */
export async function acknowledgeStored(
  rt: Runtime,
  tx: Transaction,
  requests: AcknowledgementRequest[],
): Promise<void> {
  const byWorkspace = new Map<string, AcknowledgementRequest[]>();
  for (const r of requests) {
    const ws = r.conversation.workspaceId;
    byWorkspace.set(ws, [...(byWorkspace.get(ws) ?? []), r]);
  }
  for (const [workspaceId, list] of byWorkspace) {
    await acknowledgeMany(openUnit(rt, tx, { workspaceId, actor: systemActor }), workspaceId, list);
  }
}

/**
 * What a message through the API owes an acknowledgement to: a person wrote it (a form, a chat) —
 * no automation signs, no spam verdict, no sender authentication to disown it.
 */
export function apiAcknowledgementContext(email: string, text: string): AcknowledgementContext {
  return {
    automation: { automated: false, reasons: [] },
    spam: false,
    senderDisowned: false,
    senderAddress: email,
    text,
    inboundMessageId: null,
  };
}

/** One mail's acknowledgement (a mail an advisor took out of Spam, say). */
export async function acknowledgeIfDue(
  uow: UnitOfWork,
  intake: Intake,
  conversation: Conversation,
  context: AcknowledgementContext,
  known?: typeof brands.$inferSelect,
): Promise<void> {
  await acknowledgeMany(uow, conversation.workspaceId, [
    { intake, conversation, context, brand: known },
  ]);
}
