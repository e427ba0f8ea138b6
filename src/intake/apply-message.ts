// The intake's work in memory: where each message of a batch goes (placement), and what each one
// makes of its conversation (status, wait, clocks) with the events it causes — no IO, so a batch
// writes each conversation once, already in its final state.
import type { ClockRules } from "../commands/conversation/clocks.ts";
import { clockColumnsWith } from "../commands/conversation/clocks.ts";
import type { AnyNewEvent, UnitOfWork } from "../commands/unit-of-work.ts";
import type { ConversationStatus, Priority } from "../domain/conversation/status.ts";
import { onCustomerMessage } from "../domain/conversation/transitions.ts";
import { moodOf } from "../domain/mood/mood.ts";
import { newReference } from "../domain/reference.ts";
import type { brands, conversations } from "../store/schema/index.ts";
import type { InboundMessage } from "./receive.ts";
import type { Conversation } from "./thread.ts";

export type Brand = typeof brands.$inferSelect;
type ClockColumns = ReturnType<typeof clockColumnsWith>;

/** An automatic reply that belongs to no conversation: the channel sets it aside. */
export class NoThread extends Error {}

/** What a conversation becomes while the batch's messages are applied to it, in order. */
export type Working = {
  row: Conversation;
  isNew: boolean;
  status: ConversationStatus;
  awaitingSince: Date | null;
  added: number;
  reset: boolean;
  clock: ClockColumns | null;
  /** The priority the customer's words raised it to in this batch. */
  raisedTo: Priority | null;
  /** The customer asked for a manager in this batch, in these words. */
  asksManager: string | null;
  /** The manager it was given to, when it was escalated in this batch. */
  escalatedTo: { id: string; name: string } | null;
};

/** Where one message goes: an existing conversation, or a new one opened for it. */
export type Placement = {
  index: number;
  message: InboundMessage;
  customerId: string;
  /** The identity the sender was found or created by (what an undone merge sends back). */
  identityId: string | null;
  newCustomer: boolean;
  brand: Brand;
  existing: Conversation | null;
  sameStatus: ConversationStatus | null;
  opens: typeof conversations.$inferInsert | null;
  messageId: string;
};

/** Joins the conversation found, or opens one (linked to the one it pointed at, if any). */
export function place(
  uow: Pick<UnitOfWork, "newId" | "now" | "randomBytes">,
  index: number,
  message: InboundMessage,
  brand: Brand,
  customer: { customerId: string; created: boolean; identityId?: string | null },
  found: Conversation | null,
  pointedAt: Conversation | null,
): Placement | NoThread {
  if (message.autoReply && !found) return new NoThread();
  const outcome = found && !message.autoReply ? onCustomerMessage(found.status) : null;
  const joins = found && (message.autoReply || outcome?.kind === "same");
  const base = {
    index,
    message,
    customerId: customer.customerId,
    identityId: customer.identityId ?? null,
    newCustomer: customer.created,
    brand,
    messageId: uow.newId(),
  };
  if (joins) {
    return {
      ...base,
      existing: found,
      sameStatus: outcome?.kind === "same" ? outcome.status : null,
      opens: null,
    };
  }
  const linked = found ?? pointedAt;
  return {
    ...base,
    existing: null,
    sameStatus: null,
    opens: {
      workspaceId: message.workspaceId,
      id: uow.newId(),
      reference: newReference(uow.randomBytes),
      brandId: found?.brandId ?? brand.id,
      customerId: customer.customerId,
      channel: message.channel,
      subject: (message.subject ?? "").slice(0, 500),
      linkedConversationId: linked?.id ?? null,
      spam: message.spam?.likely ?? false,
      spamScore: message.spam?.score ?? null,
      bulk: message.bulk ?? false,
      flags: pointedAt && !found ? [pointerFlag(message, customer.customerId, pointedAt)] : [],
      createdAt: uow.now,
      lastActivityAt: uow.now,
    },
  };
}

/** Why a mail that pointed at a conversation opened its own instead. */
function pointerFlag(message: InboundMessage, customerId: string, pointedAt: Conversation) {
  return message.thread?.senderDisowned && pointedAt.customerId === customerId
    ? "sender_disowned"
    : "pointed_at_another_customers_conversation";
}

/** The stored row of a placed message. */
export function messageRow(p: Placement, conversationId: string, now: Date) {
  const m = p.message;
  return {
    workspaceId: m.workspaceId,
    id: p.messageId,
    conversationId,
    direction: "inbound" as const,
    channel: m.channel,
    authorKind: "customer" as const,
    authorCustomerId: p.customerId,
    authorIdentityId: p.identityId,
    authorName: m.from.name?.trim() ?? "",
    authorEmail: m.from.email?.trim().toLowerCase() ?? null,
    subject: (m.subject ?? "").slice(0, 500),
    bodyText: m.bodyText,
    bodyHtml: m.bodyHtml ?? null,
    externalId: m.externalId ?? null,
    dedupeKey: m.dedupeKey ?? null,
    inReplyTo: m.inReplyTo ?? null,
    references: m.references ?? [],
    spam: m.spam?.likely ?? false,
    automated: m.autoReply ?? false,
    spamScore: m.spam?.score ?? null,
    spamReasons: m.spam?.reasons ?? [],
    flags: m.flags ?? [],
    rawBlobKey: m.rawBlobKey ?? null,
    // The customer's mood, read from their own words; an automatic reply or spam has none.
    mood: m.autoReply || m.spam?.likely ? null : moodOf(m.bodyText),
    createdAt: now,
  };
}

/** The conversations the batch writes to, each once however many of its messages it holds. */
export function workingConversations(placements: Placement[]) {
  const working = new Map<string, Working>();
  const targets = placements.map((p): Working => {
    const row = p.existing ?? (p.opens ? provisional(p.opens) : null);
    if (!row) throw new Error("a message has no conversation to go to");
    let w = working.get(row.id);
    if (!w) {
      w = {
        row,
        isNew: !p.existing,
        status: row.status,
        awaitingSince: row.awaitingSince,
        added: 0,
        reset: false,
        clock: null,
        raisedTo: null,
        asksManager: null,
        escalatedTo: null,
      };
      working.set(row.id, w);
    }
    return w;
  });
  return { targets, touched: [...working.values()] };
}

/**
 * Applies the placed messages to their conversations, in order; answers the events they cause.
 * The conversations a batch opens mostly share every clock input (same brand, same instant): the
 * business-hours arithmetic is done once for them.
 */
export function applyAll(
  rules: ClockRules,
  brandsById: Map<string, Brand>,
  placements: Placement[],
  targets: Working[],
  now: Date,
): AnyNewEvent[] {
  const happened: AnyNewEvent[] = [];
  const clocks = new Map<string, ClockColumns>();
  placements.forEach((p, i) => {
    const w = targets[i] as Working;
    const before = w.status;
    applyOne(rules, brandsById, w, p, now, clocks);
    happened.push(...eventsOf(p, w, before));
  });
  return happened;
}

/** One message applied to its conversation: status, wait, clocks. */
function applyOne(
  rules: ClockRules,
  brandsById: Map<string, Brand>,
  w: Working,
  p: Placement,
  now: Date,
  clocks: Map<string, ClockColumns>,
) {
  const status = p.sameStatus ?? w.status;
  const awaited =
    !(p.message.spam?.likely ?? false) && !p.message.autoReply && !p.message.bulk && !w.row.bulk;
  const awaitingSince = awaited ? (w.awaitingSince ?? now) : w.awaitingSince;
  const brand = brandsById.get(w.row.brandId) ?? p.brand;
  const stored = w.clock ?? w.row;
  const facts = {
    workspaceId: p.message.workspaceId,
    brandId: w.row.brandId,
    channel: w.row.channel,
    priority: w.row.priority,
    status,
    awaitingSince,
    firstHumanAnswerAt: w.row.firstHumanAnswerAt,
    createdAt: w.row.createdAt,
    at: now,
  };
  const clockBefore = {
    awaitingSince: w.awaitingSince,
    slaAlerts: stored.slaAlerts,
    promisedFirstResponseAt: stored.promisedFirstResponseAt,
    pausedSince: stored.pausedSince,
    pausedBusinessMinutes: stored.pausedBusinessMinutes,
  };
  const key = JSON.stringify([facts, clockBefore]);
  const known = clocks.get(key);
  w.clock = known ?? clockColumnsWith(rules, brand, facts, clockBefore);
  if (!known) clocks.set(key, w.clock);
  if (status !== w.status) w.reset = true;
  w.status = status;
  w.awaitingSince = awaitingSince;
  w.added += 1;
}

/** What one message's arrival records: its customer and conversation when new, its receipt, a status change. */
function eventsOf(p: Placement, w: Working, before: ConversationStatus): AnyNewEvent[] {
  const about = {
    actor: { kind: "customer" as const, id: p.customerId, name: p.message.from.name ?? "" },
    conversationId: w.row.id,
    customerId: p.customerId,
  };
  const channel = p.message.channel;
  const events: AnyNewEvent[] = [];
  if (p.newCustomer) events.push({ ...about, type: "customer.created", data: { channel } });
  if (p.opens) {
    events.push({
      ...about,
      type: "conversation.created",
      data: {
        channel,
        reference: w.row.reference,
        linked_conversation_id: w.row.linkedConversationId,
      },
    });
  }
  events.push({
    ...about,
    type: "message.received",
    data: { message_id: p.messageId, channel, spam: p.message.spam?.likely ?? false },
  });
  if (w.status !== before) {
    events.push({
      ...about,
      type: "conversation.status_changed",
      data: { reason: "customer_message" },
      before: { status: before },
      after: { status: w.status },
    });
  }
  return events;
}

/** A conversation about to be opened, as the database would first hold it. */
export function provisional(opens: typeof conversations.$inferInsert): Conversation {
  const { createdAt, lastActivityAt } = opens;
  if (!createdAt || !lastActivityAt) throw new Error("a conversation opens with its times");
  return {
    ...opens,
    subject: opens.subject ?? "",
    status: "new",
    priority: "normal",
    assigneeId: null,
    teamId: null,
    closeReason: null,
    linkedConversationId: opens.linkedConversationId ?? null,
    spam: opens.spam ?? false,
    spamScore: opens.spamScore ?? null,
    bulk: opens.bulk ?? false,
    flags: opens.flags ?? [],
    answered: false,
    awaitingSince: null,
    clockFloorAt: null,
    firstHumanAnswerAt: null,
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    resolutionDueAt: null,
    pausedSince: null,
    pausedBusinessMinutes: 0,
    slaAlerts: [],
    slaNextAlertAt: null,
    promisedFirstResponseAt: null,
    snoozedUntil: null,
    snoozedAt: null,
    csatScore: null,
    csatComment: null,
    csatAt: null,
    tags: opens.tags ?? [],
    escalatedToId: null,
    messageCount: 0,
    lastCustomerMessageAt: null,
    lastActivityAt,
    resolvedAt: null,
    closedAt: null,
    createdAt,
    updatedAt: createdAt,
    searchVector: null,
  };
}

/** A conversation opened in this batch, with what its messages made of it. */
export function finalState(w: Working, now: Date): typeof conversations.$inferInsert {
  // The search vector is PostgreSQL's to compute (a generated column).
  const { searchVector: _computed, ...row } = w.row;
  return {
    ...row,
    ...(w.clock ?? {}),
    status: w.status,
    awaitingSince: w.awaitingSince,
    messageCount: w.added,
    lastCustomerMessageAt: now,
    lastActivityAt: now,
    updatedAt: now,
  };
}
