// The one path every inbound message takes, whatever its channel: resolve the customer, thread,
// store, start the clocks — for a whole batch of messages in one transaction, committed before the
// channel acknowledges any of them, with a fixed number of statements per batch.
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  type ClockRules,
  clockColumnsWith,
  loadClockRules,
} from "../commands/conversation/clocks.ts";
import { type EventInput, recordEvents } from "../commands/events/record-event.ts";
import type { Channel, ConversationStatus } from "../domain/conversation/status.ts";
import { onCustomerMessage } from "../domain/conversation/transitions.ts";
import type { SpamReason } from "../domain/mail/spam-rules.ts";
import { newReference } from "../domain/reference.ts";
import type { DeskError } from "../errors.ts";
import type { Runtime } from "../runtime.ts";
import type { Tx } from "../store/database.ts";
import { insertRows } from "../store/insert-rows.ts";
import {
  attachments,
  brands,
  conversations,
  messageInConversation,
  messages,
} from "../store/schema/index.ts";
import type { Settled } from "./group-commit.ts";
import { resolveCustomers, type Sender } from "./resolve-customer.ts";
import { RetryBatch } from "./retry-batch.ts";
import { type Conversation, findThreads, type ThreadHints } from "./thread.ts";

export type StoredAttachment = {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  blobKey: string;
  contentId: string | null;
  inline: boolean;
};

export type InboundMessage = {
  workspaceId: string;
  channel: Channel;
  /** The brand written to (by the recipient address); the workspace's first brand when unset. */
  brandId?: string | null;
  from: Sender;
  subject?: string | null;
  bodyText: string;
  /** Already sanitised by the channel. */
  bodyHtml?: string | null;
  externalId?: string | null;
  /** Decides "the same message again" (a re-delivery): unique per workspace. */
  dedupeKey?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  thread?: ThreadHints;
  spam?: { score: number; reasons: SpamReason[]; likely: boolean } | null;
  /**
   * An automatic reply (out-of-office, a robot): it joins the conversation it answers without
   * reopening it or starting a clock, and never opens one of its own (NoThread is given instead).
   */
  autoReply?: boolean;
  /** List or bulk mail (List-Id, Precedence: bulk…): it owes no answer until an advisor says so. */
  bulk?: boolean;
  /** The channel has just looked for an earlier copy (dedupeKey) and found none: skip that look. */
  knownNew?: boolean;
  flags?: string[];
  rawBlobKey?: string | null;
  attachments?: StoredAttachment[];
};

export type Intake = {
  conversationId: string;
  messageId: string;
  customerId: string;
  reference: string;
  duplicate: boolean;
  newConversation: boolean;
  newCustomer: boolean;
  /** The conversation was already open with this customer (a reply inside an open thread). */
  continued: boolean;
};

type Brand = typeof brands.$inferSelect;

/** A message just stored, with its conversation as it now stands, for what a channel adds. */
export type StoredMessage = {
  /** Its place in the batch given to receiveBatch. */
  index: number;
  message: InboundMessage;
  intake: Intake;
  conversation: Conversation;
  brand: Brand | undefined;
};

/** Follow-ups a channel writes in the batch's transaction (acknowledgements, idempotency records). */
export type AfterBatch = (tx: Tx, stored: StoredMessage[]) => Promise<void>;

/** What one message's channel writes in its transaction (an idempotency record, say). */
export type AfterStore = (
  tx: Tx,
  intake: Intake,
  conversation: Conversation,
  brand: Brand | undefined,
) => Promise<void>;

/** An automatic reply that belongs to no conversation: the channel sets it aside. */
export class NoThread extends Error {}

const failed = (error: unknown): Settled<never> => ({ ok: false, error });

/** The earlier copies of re-delivered messages, by dedupe key. */
async function earlierCopies(
  rt: Runtime,
  workspaceId: string,
  keys: string[],
): Promise<Map<string, Intake>> {
  if (keys.length === 0) return new Map();
  const rows = await rt.db
    .select({
      dedupeKey: messages.dedupeKey,
      messageId: messages.id,
      conversationId: conversations.id,
      customerId: conversations.customerId,
      reference: conversations.reference,
    })
    .from(messages)
    .innerJoin(conversations, messageInConversation)
    .where(and(eq(messages.workspaceId, workspaceId), inArray(messages.dedupeKey, keys)));
  return new Map(
    rows.map((r) => [
      r.dedupeKey ?? "",
      {
        conversationId: r.conversationId,
        messageId: r.messageId,
        customerId: r.customerId,
        reference: r.reference,
        duplicate: true,
        newConversation: false,
        newCustomer: false,
        continued: true,
      },
    ]),
  );
}

/** What a conversation becomes while the batch's messages are applied to it, in order. */
type Working = {
  row: Conversation;
  isNew: boolean;
  status: ConversationStatus;
  awaitingSince: Date | null;
  added: number;
  reset: boolean;
  clock: ReturnType<typeof clockColumnsWith> | null;
};

/** Where one message goes: an existing conversation, or a new one opened for it. */
type Placement = {
  index: number;
  message: InboundMessage;
  customerId: string;
  newCustomer: boolean;
  brand: Brand;
  existing: Conversation | null;
  sameStatus: ConversationStatus | null;
  opens: typeof conversations.$inferInsert | null;
  messageId: string;
};

function place(
  rt: Runtime,
  index: number,
  message: InboundMessage,
  brand: Brand,
  customer: { customerId: string; created: boolean },
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
    newCustomer: customer.created,
    brand,
    messageId: rt.newId(),
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
      id: rt.newId(),
      reference: newReference(rt.randomBytes),
      brandId: found?.brandId ?? brand.id,
      customerId: customer.customerId,
      channel: message.channel,
      subject: (message.subject ?? "").slice(0, 500),
      linkedConversationId: linked?.id ?? null,
      spam: message.spam?.likely ?? false,
      spamScore: message.spam?.score ?? null,
      bulk: message.bulk ?? false,
      flags: pointedAt && !found ? [pointerFlag(message, customer.customerId, pointedAt)] : [],
      createdAt: rt.now(),
      lastActivityAt: rt.now(),
    },
  };
}

/** Why a mail that pointed at a conversation opened its own instead. */
function pointerFlag(message: InboundMessage, customerId: string, pointedAt: Conversation) {
  return message.thread?.senderDisowned && pointedAt.customerId === customerId
    ? "sender_disowned"
    : "pointed_at_another_customers_conversation";
}

function messageRow(p: Placement, conversationId: string, now: Date) {
  const m = p.message;
  return {
    workspaceId: m.workspaceId,
    id: p.messageId,
    conversationId,
    direction: "inbound" as const,
    channel: m.channel,
    authorKind: "customer" as const,
    authorCustomerId: p.customerId,
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
    createdAt: now,
  };
}

/** One message applied to its conversation: status, wait, clocks; the events it causes. */
function apply(
  rt: Runtime,
  rules: ClockRules,
  brandsById: Map<string, Brand>,
  w: Working,
  p: Placement,
  now: Date,
  happened: EventInput[],
  clocks: Map<string, ReturnType<typeof clockColumnsWith>>,
) {
  const ws = p.message.workspaceId;
  const before = w.status;
  const status = p.sameStatus ?? w.status;
  const spam = p.message.spam?.likely ?? false;
  const awaited = !spam && !p.message.autoReply && !p.message.bulk && !w.row.bulk;
  const awaitingSince = awaited ? (w.awaitingSince ?? now) : w.awaitingSince;
  const brand = brandsById.get(w.row.brandId) ?? p.brand;
  const stored = w.clock ?? w.row;
  const facts = {
    workspaceId: ws,
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
  // The conversations a batch opens mostly share every input (same brand, same instant): the
  // business-hours arithmetic is done once for them.
  const key = JSON.stringify([facts, clockBefore]);
  const known = clocks.get(key);
  w.clock = known ?? clockColumnsWith(rules, brand, facts, clockBefore);
  if (!known) clocks.set(key, w.clock);
  w.status = status;
  w.awaitingSince = awaitingSince;
  w.added += 1;
  if (status !== before) w.reset = true;

  const actor = { kind: "customer" as const, id: p.customerId, name: p.message.from.name ?? "" };
  const event = (type: string, data?: unknown, beforeState?: unknown, afterState?: unknown) =>
    happened.push({
      workspaceId: ws,
      id: rt.newId(),
      at: now,
      type,
      actor,
      conversationId: w.row.id,
      customerId: p.customerId,
      data,
      before: beforeState,
      after: afterState,
    });
  if (p.newCustomer) event("customer.created", { channel: p.message.channel });
  if (p.opens) {
    event("conversation.created", {
      channel: p.message.channel,
      reference: w.row.reference,
      linked_conversation_id: w.row.linkedConversationId,
    });
  }
  event("message.received", { message_id: p.messageId, channel: p.message.channel, spam });
  if (status !== before) {
    event(
      "conversation.status_changed",
      { reason: "customer_message" },
      { status: before },
      { status },
    );
  }
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
function finalState(w: Working, now: Date): typeof conversations.$inferInsert {
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

/** Every touched conversation's new state in one statement. */
async function saveConversations(tx: Tx, workspaceId: string, touched: Working[], now: Date) {
  if (touched.length === 0) return [];
  const rows = touched.map((w) => ({
    id: w.row.id,
    status: w.status,
    awaiting_since: w.awaitingSince,
    first_response_due_at: w.clock?.firstResponseDueAt ?? null,
    next_response_due_at: w.clock?.nextResponseDueAt ?? null,
    resolution_due_at: w.clock?.resolutionDueAt ?? null,
    paused_since: (w.clock ?? w.row).pausedSince,
    paused_business_minutes: (w.clock ?? w.row).pausedBusinessMinutes,
    sla_alerts: w.clock?.slaAlerts ?? [],
    sla_next_alert_at: w.clock?.slaNextAlertAt ?? null,
    promised_first_response_at: w.clock?.promisedFirstResponseAt ?? null,
    reset: w.reset,
    added: w.added,
  }));
  await tx.execute(sql`
    update conversations c set
      status = v.status,
      awaiting_since = v.awaiting_since,
      first_response_due_at = v.first_response_due_at,
      next_response_due_at = v.next_response_due_at,
      resolution_due_at = v.resolution_due_at,
      paused_since = v.paused_since,
      paused_business_minutes = v.paused_business_minutes,
      sla_alerts = v.sla_alerts,
      sla_next_alert_at = v.sla_next_alert_at,
      promised_first_response_at = v.promised_first_response_at,
      resolved_at = case when v.reset then null else c.resolved_at end,
      close_reason = case when v.reset then null else c.close_reason end,
      message_count = c.message_count + v.added,
      last_customer_message_at = ${now},
      last_activity_at = ${now},
      updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      id uuid, status text, awaiting_since timestamptz, first_response_due_at timestamptz,
      next_response_due_at timestamptz, resolution_due_at timestamptz, paused_since timestamptz,
      paused_business_minutes double precision, sla_alerts jsonb,
      sla_next_alert_at timestamptz, promised_first_response_at timestamptz, reset boolean,
      added integer)
    where c.workspace_id = ${workspaceId} and c.id = v.id`);
  return touched.map(
    (w): Conversation => ({
      ...w.row,
      status: w.status,
      awaitingSince: w.awaitingSince,
      ...(w.clock ?? {}),
      ...(w.reset ? { resolvedAt: null, closeReason: null } : {}),
      messageCount: w.row.messageCount + w.added,
      lastCustomerMessageAt: now,
      lastActivityAt: now,
      updatedAt: now,
    }),
  );
}

/** Stores one workspace's messages; each gets its intake or its own error. */
async function storeWorkspace(
  tx: Tx,
  rt: Runtime,
  workspaceId: string,
  batch: Array<{ index: number; message: InboundMessage }>,
  results: Array<Settled<Intake> | undefined>,
  stored: StoredMessage[],
) {
  const now = rt.now();
  const all = await tx
    .select()
    .from(brands)
    .where(eq(brands.workspaceId, workspaceId))
    .orderBy(brands.createdAt);
  const brandsById = new Map(all.map((b) => [b.id, b]));
  const usable = batch.filter(({ index, message }) => {
    const ok = message.brandId ? brandsById.has(message.brandId) : all.length > 0;
    if (!ok) results[index] = failed(new Error(`workspace ${workspaceId} has no such brand`));
    return ok;
  });
  if (usable.length === 0) return;
  const customers = await resolveCustomers(
    tx,
    rt,
    workspaceId,
    usable.map((u) => u.message.from),
  );
  const threads = await findThreads(
    tx,
    workspaceId,
    usable.map((u, i) => ({
      customerId: customers[i]?.customerId ?? "",
      organisationId: customers[i]?.organisationId ?? null,
      hints: u.message.thread ?? {},
    })),
  );
  const placements: Placement[] = [];
  usable.forEach(({ index, message }, i) => {
    const threading = threads[i] as Exclude<(typeof threads)[number], undefined>;
    const customer = customers[i] as NonNullable<(typeof customers)[number]>;
    if (!("conversation" in threading)) {
      results[index] = failed(threading as DeskError);
      return;
    }
    const brand = (message.brandId ? brandsById.get(message.brandId) : all[0]) as Brand;
    const p = place(
      rt,
      index,
      message,
      brand,
      customer,
      threading.conversation,
      threading.pointedAt,
    );
    if (p instanceof NoThread) results[index] = failed(p);
    else placements.push(p);
  });
  if (placements.length === 0) return;

  // Every message is applied in memory first, so a conversation opened here is written once,
  // with its clocks, instead of inserted and then updated (each write touches a dozen indexes).
  const working = new Map<string, Working>();
  const workingFor = (p: Placement): Working => {
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
      };
      working.set(row.id, w);
    }
    return w;
  };
  const targets = placements.map(workingFor);
  const rules = await loadClockRules(tx, workspaceId);
  const happened: EventInput[] = [];
  const clocks = new Map<string, ReturnType<typeof clockColumnsWith>>();
  placements.forEach((p, i) => {
    apply(rt, rules, brandsById, targets[i] as Working, p, now, happened, clocks);
  });
  const touched = [...working.values()];
  const fresh = touched.filter((w) => w.isNew);
  const opened =
    fresh.length > 0
      ? await tx
          .insert(conversations)
          .values(fresh.map((w) => finalState(w, now)))
          .onConflictDoNothing()
          .returning()
      : [];
  if (opened.length < fresh.length) throw new RetryBatch("a conversation reference");

  const inserted = await insertRows(
    tx,
    messages,
    placements.map((p, i) => messageRow(p, targets[i]?.row.id ?? "", now)),
    { onConflict: sql`("workspace_id", "dedupe_key") do nothing` },
  );
  // Another writer stored one of these messages meanwhile: stored again, it is found as a copy.
  if (inserted.length < placements.length) throw new RetryBatch("a message's dedupe key");
  const files = placements.flatMap((p) =>
    (p.message.attachments ?? []).map((a) => ({
      ...a,
      workspaceId,
      id: rt.newId(),
      messageId: p.messageId,
    })),
  );
  await insertRows(tx, attachments, files);
  const saved = [
    ...opened,
    ...(await saveConversations(
      tx,
      workspaceId,
      touched.filter((w) => !w.isNew),
      now,
    )),
  ];
  await recordEvents(tx, happened);
  const current = new Map(saved.map((c) => [c.id, c]));
  placements.forEach((p, i) => {
    const w = targets[i] as Working;
    const conversation = current.get(w.row.id) as Conversation;
    const intake: Intake = {
      conversationId: conversation.id,
      messageId: p.messageId,
      customerId: p.customerId,
      reference: conversation.reference,
      duplicate: false,
      newConversation: p.opens !== null,
      newCustomer: p.newCustomer,
      continued: p.opens === null,
    };
    results[p.index] = { ok: true, value: intake };
    stored.push({
      index: p.index,
      message: p.message,
      intake,
      conversation,
      brand: brandsById.get(conversation.brandId),
    });
  });
}

/** One try at a batch; RetryBatch when a concurrent writer took one of its keys first. */
async function receiveOnce(
  rt: Runtime,
  list: InboundMessage[],
  after?: AfterBatch,
): Promise<Settled<Intake>[]> {
  const results: Array<Settled<Intake> | undefined> = list.map(() => undefined);
  const byWorkspace = new Map<string, Array<{ index: number; message: InboundMessage }>>();
  list.forEach((message, index) => {
    const group = byWorkspace.get(message.workspaceId) ?? [];
    group.push({ index, message });
    byWorkspace.set(message.workspaceId, group);
  });
  // The same message twice in one batch: the later copies answer what the first one got.
  const copyOf = new Map<number, number>();
  for (const [workspaceId, group] of byWorkspace) {
    const keys = group.flatMap(({ message: m }) =>
      m.dedupeKey && !m.knownNew ? [m.dedupeKey] : [],
    );
    const earlier = await earlierCopies(rt, workspaceId, keys);
    const first = new Map<string, number>();
    const fresh = group.filter(({ index, message }) => {
      const key = message.dedupeKey;
      if (!key) return true;
      const seen = earlier.get(key);
      if (seen) results[index] = { ok: true, value: seen };
      const earlierIndex = first.get(key);
      if (!seen && earlierIndex !== undefined) copyOf.set(index, earlierIndex);
      if (!seen && earlierIndex === undefined) first.set(key, index);
      return !seen && earlierIndex === undefined;
    });
    byWorkspace.set(workspaceId, fresh);
  }
  const stored: StoredMessage[] = [];
  if ([...byWorkspace.values()].some((g) => g.length > 0)) {
    await rt.db.transaction(async (tx) => {
      for (const [workspaceId, group] of byWorkspace) {
        if (group.length > 0) await storeWorkspace(tx, rt, workspaceId, group, results, stored);
      }
      if (after && stored.length > 0) await after(tx, stored);
    });
  }
  for (const [index, firstIndex] of copyOf) {
    const first = results[firstIndex];
    results[index] =
      first?.ok === true
        ? {
            ok: true,
            value: {
              ...first.value,
              duplicate: true,
              newConversation: false,
              newCustomer: false,
              continued: true,
            },
          }
        : (first ?? failed(new Error("the first copy of this message was not stored")));
  }
  return results.map((r) => r ?? failed(new Error("the batch left this message unsettled")));
}

/**
 * Stores a batch of inbound messages exactly once, in one transaction: a re-delivery answers its
 * earlier copy, and each message that cannot be stored (not its conversation, an automatic reply to
 * nothing) gets its own error without failing the others. Throws only when the whole batch failed.
 */
export async function receiveBatch(
  rt: Runtime,
  list: InboundMessage[],
  after?: AfterBatch,
): Promise<Settled<Intake>[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await receiveOnce(rt, list, after);
    } catch (error) {
      if (!(error instanceof RetryBatch) || attempt >= 5) throw error;
      // Nothing of the batch was kept; the winner's rows are visible now, its copies found as such.
      list = list.map((m) => ({ ...m, knownNew: false }));
    }
  }
}

/** Stores one inbound message exactly once; a re-delivery answers the earlier copy. */
export async function receiveMessage(
  rt: Runtime,
  message: InboundMessage,
  after?: AfterStore,
): Promise<Intake> {
  const [result] = await receiveBatch(
    rt,
    [message],
    after
      ? (tx, [one]) =>
          one ? after(tx, one.intake, one.conversation, one.brand) : Promise.resolve()
      : undefined,
  );
  if (!result) throw new Error("the intake gave no result");
  if (!result.ok) throw result.error;
  return result.value;
}
