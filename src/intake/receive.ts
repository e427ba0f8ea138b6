// The one path every inbound message takes, whatever its channel: resolve the customer, thread,
// store, start the clocks — for a whole batch of messages in one transaction, committed before the
// channel acknowledges any of them, with a fixed number of statements per batch. The steps of one
// workspace's share: its brands, the placements (customer, thread), the conversations' new state
// in memory (apply-message.ts), then the writes.
import { and, eq, inArray, sql } from "drizzle-orm";
import { loadClockRules } from "../commands/conversation/clocks.ts";
import { systemActor } from "../commands/events/record-event.ts";
import { openUnit, type Transaction, type UnitOfWork } from "../commands/unit-of-work.ts";
import type { Channel } from "../domain/conversation/status.ts";
import type { SpamReason } from "../domain/mail/spam-rules.ts";
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
import {
  applyAll,
  type Brand,
  finalState,
  messageRow,
  NoThread,
  type Placement,
  place,
  type Working,
  workingConversations,
} from "./apply-message.ts";
import { readCustomerWords } from "./customer-words.ts";
import type { Settled } from "./group-commit.ts";
import { resolveCustomers, type Sender } from "./resolve-customer.ts";
import { RetryBatch } from "./retry-batch.ts";
import { routeBatch } from "./route-new.ts";
import { saveConversations } from "./save-conversations.ts";
import { type Conversation, findThreads, type ThreadHints } from "./thread.ts";

export { NoThread };

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

/** A message just stored, with its conversation as it now stands, for what a channel adds. */
export type StoredMessage = {
  /** Its place in the batch given to receiveBatch. */
  index: number;
  message: InboundMessage;
  intake: Intake;
  conversation: Conversation;
  brand: Brand | undefined;
  /** The manager it was given to in this batch, because the customer asked for one. */
  escalatedTo: { id: string; name: string } | null;
};

/** Follow-ups a channel writes in the batch's transaction (acknowledgements, idempotency records). */
export type AfterBatch = (tx: Transaction, stored: StoredMessage[]) => Promise<void>;

/** What one message's channel writes in its transaction (an idempotency record, say). */
export type AfterStore = (
  tx: Transaction,
  intake: Intake,
  conversation: Conversation,
  brand: Brand | undefined,
) => Promise<void>;

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

const failed = (error: unknown): Settled<never> => ({ ok: false, error });

type Results = Array<Settled<Intake> | undefined>;
type Entry = { index: number; message: InboundMessage };

/** The workspace's brands: a message names its own, else it goes to the first one. */
async function brandsOf(tx: Tx, workspaceId: string) {
  const all = await tx
    .select()
    .from(brands)
    .where(eq(brands.workspaceId, workspaceId))
    .orderBy(brands.createdAt);
  return { first: all[0], byId: new Map(all.map((b) => [b.id, b])) };
}
type Brands = Awaited<ReturnType<typeof brandsOf>>;

/** The messages whose brand exists; the others fail alone. */
function withBrand(workspaceId: string, batch: Entry[], known: Brands, results: Results) {
  return batch.filter(({ index, message }) => {
    const ok = message.brandId ? known.byId.has(message.brandId) : known.first !== undefined;
    if (!ok) results[index] = failed(new Error(`workspace ${workspaceId} has no such brand`));
    return ok;
  });
}

/** Each message's customer and thread, then its place; a message that has none fails alone. */
async function placeAll(
  uow: UnitOfWork,
  workspaceId: string,
  usable: Entry[],
  known: Brands,
  results: Results,
): Promise<Placement[]> {
  const customers = await resolveCustomers(
    uow.tx,
    uow.runtime,
    workspaceId,
    // A national phone number is read in the country of the brand written to.
    usable.map((u) => ({
      ...u.message.from,
      country: (u.message.brandId ? known.byId.get(u.message.brandId) : known.first)?.country,
    })),
  );
  const threads = await findThreads(
    uow.tx,
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
    const brand = (message.brandId ? known.byId.get(message.brandId) : known.first) as Brand;
    const p = place(
      uow,
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
  return placements;
}

/**
 * Writes what the batch made: the conversations it opens (once, with their clocks), the messages,
 * their attachments, the conversations it continues. Answers every touched conversation as stored.
 */
async function writeAll(
  uow: UnitOfWork,
  workspaceId: string,
  placements: Placement[],
  targets: Working[],
  touched: Working[],
): Promise<Map<string, Conversation>> {
  const { tx, now } = uow;
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
      id: uow.newId(),
      messageId: p.messageId,
    })),
  );
  await insertRows(tx, attachments, files);
  const continued = await saveConversations(
    tx,
    workspaceId,
    touched.filter((w) => !w.isNew),
    now,
  );
  return new Map([...opened, ...continued].map((c) => [c.id, c]));
}

/** Each stored message's intake, and what the channel's follow-ups need of it. */
function settleStored(
  placements: Placement[],
  targets: Working[],
  current: Map<string, Conversation>,
  known: Brands,
  results: Results,
  stored: StoredMessage[],
) {
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
      brand: known.byId.get(conversation.brandId),
      escalatedTo: w.escalatedTo,
    });
  });
}

/** Stores one workspace's messages; each gets its intake or its own error. */
async function storeWorkspace(
  tx: Transaction,
  rt: Runtime,
  workspaceId: string,
  batch: Entry[],
  results: Results,
  stored: StoredMessage[],
) {
  const uow = openUnit(rt, tx, { workspaceId, actor: systemActor });
  const known = await brandsOf(tx, workspaceId);
  const usable = withBrand(workspaceId, batch, known, results);
  if (usable.length === 0) return;
  const placements = await placeAll(uow, workspaceId, usable, known, results);
  if (placements.length === 0) return;
  // Every message is applied in memory first, so a conversation opened here is written once,
  // with its clocks, instead of inserted and then updated (each write touches a dozen indexes).
  const { targets, touched } = workingConversations(placements);
  const heard = readCustomerWords(placements, targets);
  const rules = await loadClockRules(tx, workspaceId);
  const happened = applyAll(rules, known.byId, placements, targets, uow.now);
  happened.push(...heard);
  happened.push(...(await routeBatch(tx, workspaceId, placements, targets, known.byId, uow.now)));
  const current = await writeAll(uow, workspaceId, placements, targets, touched);
  await uow.recordAll(happened);
  settleStored(placements, targets, current, known, results, stored);
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
