// Reading customers: search by email, phone or words (keyset-paged), a profile with its identities
// and organisation, the timeline of their events, and the facts an advisor sees before reading.
import {
  and,
  asc,
  eq,
  getTableColumns,
  inArray,
  isNull,
  notInArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { excerptSource } from "../../domain/conversation/excerpt.ts";
import type { Db, Tx } from "../database.ts";
import {
  conversations,
  customerIdentities,
  customers,
  events,
  messageInConversation,
  messages,
  organisations,
  users,
} from "../schema/index.ts";
import { after, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

const customersNewest: Keyset = { at: customers.createdAt, id: customers.id };
// The search text stays in the database: profiles and pages never carry it.
const { searchText: _searchText, ...customerColumns } = getTableColumns(customers);
const eventsNewest: Keyset = { at: events.createdAt, id: events.id };

export type CustomerFilter = {
  workspaceId: string;
  /** Already normalised (lower-case). */
  email?: string | undefined;
  /** Already normalised (see domain/identity/normalize.ts). */
  phone?: string | undefined;
  q?: string | undefined;
  /** Digits of `q` when it looks like a phone number, to find it inside stored numbers. */
  qDigits?: string | undefined;
  advisorId?: string | undefined;
  organisationId?: string | undefined;
  after?: Position | undefined;
  limit: number;
};

/** `%text%` for LIKE, its own wildcards escaped. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The customers whose name or one of whose identities contains `q` (or, for a phone-like `q`, its
 * digits), in any case and accent: `search_text` holds them all folded, under one trigram index.
 * One table, one condition: PostgreSQL either walks the newest-first index and stops at the page's
 * end (a common name) or gathers the few matches from the trigram index (a rare one).
 */
function matchingWords(f: CustomerFilter & { q: string }) {
  const contains = (text: string) =>
    sql`${customers.searchText} like rapport_fold(${likePattern(text)})`;
  return f.qDigits ? or(contains(f.q), contains(f.qDigits)) : contains(f.q);
}

function identityMatch(workspaceId: string, condition: SQL | undefined) {
  return inWorkspace(
    customerIdentities,
    workspaceId,
    eq(customerIdentities.customerId, customers.id),
    condition,
  );
}

const hasIdentity = (db: Db, workspaceId: string, condition: SQL | undefined) =>
  sql`exists (${db
    .select({ one: sql`1` })
    .from(customerIdentities)
    .where(identityMatch(workspaceId, condition))})`;

/** Customers newest first (of one advisor, one organisation); merged profiles are left out. */
export async function listCustomers(db: Db, f: CustomerFilter) {
  const where: Array<SQL | undefined> = [
    inWorkspace(customers, f.workspaceId),
    isNull(customers.mergedIntoId),
    after(customersNewest, f.after),
  ];
  if (f.email !== undefined) {
    where.push(
      hasIdentity(
        db,
        f.workspaceId,
        and(eq(customerIdentities.kind, "email"), eq(customerIdentities.value, f.email)),
      ),
    );
  }
  if (f.phone !== undefined) {
    where.push(
      hasIdentity(
        db,
        f.workspaceId,
        and(eq(customerIdentities.kind, "phone"), eq(customerIdentities.value, f.phone)),
      ),
    );
  }
  if (f.q !== undefined) where.push(matchingWords({ ...f, q: f.q }));
  if (f.advisorId !== undefined) where.push(eq(customers.advisorId, f.advisorId));
  if (f.organisationId !== undefined) where.push(eq(customers.organisationId, f.organisationId));
  const rows = await db
    .select(customerColumns)
    .from(customers)
    .where(and(...where))
    .orderBy(...orderOf(customersNewest))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (c) => ({ at: c.createdAt, id: c.id }));
}

export type Customer = Omit<typeof customers.$inferSelect, "searchText">;
export type Identity = typeof customerIdentities.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type Profile = Customer & { identities: Identity[]; organisation: Organisation | null };

/** The customers with their identities (oldest first) and organisation, in the order given. */
export async function profilesOf(db: Tx, workspaceId: string, list: Customer[]) {
  if (list.length === 0) return [];
  const ids = list.map((c) => c.id);
  const identities = await db
    .select()
    .from(customerIdentities)
    .where(
      inWorkspace(customerIdentities, workspaceId, inArray(customerIdentities.customerId, ids)),
    )
    .orderBy(asc(customerIdentities.createdAt), asc(customerIdentities.id));
  const organisationIds = [...new Set(list.flatMap((c) => c.organisationId ?? []))];
  const orgs =
    organisationIds.length === 0
      ? []
      : await db
          .select()
          .from(organisations)
          .where(
            inWorkspace(organisations, workspaceId, inArray(organisations.id, organisationIds)),
          );
  return list.map(
    (c): Profile => ({
      ...c,
      identities: identities.filter((i) => i.customerId === c.id),
      organisation: orgs.find((o) => o.id === c.organisationId) ?? null,
    }),
  );
}

export async function getCustomer(db: Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select(customerColumns)
    .from(customers)
    .where(inWorkspace(customers, workspaceId, eq(customers.id, id)));
  return row ?? null;
}

/** Customers by id with their identities and organisation (a missing one is left out). */
export async function profilesByIds(db: Tx, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const list = await db
    .select(customerColumns)
    .from(customers)
    .where(inWorkspace(customers, workspaceId, inArray(customers.id, [...ids])));
  return profilesOf(db, workspaceId, list);
}

export async function getProfile(db: Tx, workspaceId: string, id: string) {
  const customer = await getCustomer(db, workspaceId, id);
  if (!customer) return null;
  const [profile] = await profilesOf(db, workspaceId, [customer]);
  return profile ?? null;
}

/**
 * The statement reading one page of a customer's events, newest first: a keyset on the raw
 * (created_at, id) columns that the index events_customer serves in order, whatever their number.
 */
export function timelinePage(
  db: Db,
  workspaceId: string,
  customerId: string,
  page: { after?: Position | undefined; limit: number },
) {
  return db
    .select()
    .from(events)
    .where(
      inWorkspace(
        events,
        workspaceId,
        eq(events.customerId, customerId),
        after(eventsNewest, page.after),
      ),
    )
    .orderBy(...orderOf(eventsNewest))
    .limit(page.limit + 1);
}

/** A customer's events, newest first. */
export async function timelineOf(
  db: Db,
  workspaceId: string,
  customerId: string,
  page: { after?: Position | undefined; limit: number },
) {
  const rows = await timelinePage(db, workspaceId, customerId, page);
  const result = pageOf(rows, page.limit, (e) => ({ at: e.createdAt, id: e.id }));
  return { ...result, ...(await aboutTimeline(db, workspaceId, result.rows)) };
}

export type MessageGlimpse = Pick<
  typeof messages.$inferSelect,
  "id" | "direction" | "channel" | "authorKind" | "authorName" | "automated" | "subject"
> & {
  /** The start of the body only (`excerptSource` characters): a list never reads whole bodies. */
  bodyStart: string;
};

export type ConversationGlimpse = Pick<
  typeof conversations.$inferSelect,
  "id" | "reference" | "subject" | "channel" | "status"
>;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The message an event is about, when its data names one. */
export function messageIdOf(e: { data: unknown }): string | null {
  const value = (e.data as Record<string, unknown> | null)?.message_id;
  return typeof value === "string" && uuidShape.test(value) ? value : null;
}

/**
 * What a page of the timeline shows beside its events: the conversations they belong to (subject,
 * reference) and the messages they are about (who wrote, which way, the start of the words): two
 * reads by primary key whatever the page's length, sent together.
 */
async function aboutTimeline(db: Db, workspaceId: string, rows: Array<typeof events.$inferSelect>) {
  const messageIds = [...new Set(rows.flatMap((e) => messageIdOf(e) ?? []))];
  const conversationIds = [...new Set(rows.flatMap((e) => e.conversationId ?? []))];
  // Two reads at once, on two connections of the pool: a page costs one round trip more, not two.
  const [glimpses, threads] = await Promise.all([
    messageIds.length === 0
      ? []
      : db
          .select({
            id: messages.id,
            direction: messages.direction,
            channel: messages.channel,
            authorKind: messages.authorKind,
            authorName: messages.authorName,
            automated: messages.automated,
            subject: messages.subject,
            bodyStart: sql<string>`left(${messages.bodyText}, ${excerptSource})`,
          })
          .from(messages)
          .where(inWorkspace(messages, workspaceId, inArray(messages.id, messageIds))),
    conversationIds.length === 0
      ? []
      : db
          .select({
            id: conversations.id,
            reference: conversations.reference,
            subject: conversations.subject,
            channel: conversations.channel,
            status: conversations.status,
          })
          .from(conversations)
          .where(
            inWorkspace(conversations, workspaceId, inArray(conversations.id, conversationIds)),
          ),
  ]);
  return {
    messages: new Map<string, MessageGlimpse>(glimpses.map((m) => [m.id, m])),
    conversations: new Map<string, ConversationGlimpse>(threads.map((c) => [c.id, c])),
  };
}

export type CustomerFacts = {
  conversationsOpen: number;
  conversationsTotal: number;
  firstConversationAt: Date | null;
  lastContactAt: Date | null;
};

/** The customer's conversations, spam left out. */
function customerConversations(workspaceId: string, customerId: string) {
  return inWorkspace(
    conversations,
    workspaceId,
    eq(conversations.customerId, customerId),
    eq(conversations.spam, false),
  );
}

/**
 * Their conversations counted (open = not resolved or closed) and the first one's time, from the
 * index `conversations_customer_facts` alone: a customer with 10,000 conversations costs no heap
 * read (tests and benches plan this statement).
 */
export function customerCounts(db: Db, workspaceId: string, customerId: string) {
  return db
    .select({
      open: sql<number>`count(*) filter (where ${notInArray(conversations.status, ["resolved", "closed"])})`.mapWith(
        Number,
      ),
      total: sql<number>`count(*)`.mapWith(Number),
      first: sql<Date | null>`min(${conversations.createdAt})`.mapWith(conversations.createdAt),
    })
    .from(conversations)
    .where(customerConversations(workspaceId, customerId));
}

/**
 * What the summary counts, spam left out: conversations (open = not resolved or closed), the
 * first one, and the last message exchanged with the customer (notes and automated mail aside).
 */
export async function factsOf(db: Db, workspaceId: string, customerId: string) {
  const mine = customerConversations(workspaceId, customerId);
  // The last contact is in one of the conversations with the newest activity (a message is never
  // newer than its conversation's activity): look there first, and at all of them only when a
  // conversation outside that window could still hold a newer message. The counts are read at
  // the same time, on another connection of the pool.
  const [[counts], recent] = await Promise.all([
    customerCounts(db, workspaceId, customerId),
    db
      .select({ id: conversations.id, at: conversations.lastActivityAt })
      .from(conversations)
      .where(mine)
      .orderBy(...orderOf(byActivity))
      .limit(recentWindow),
  ]);
  const oldest = recent.at(-1)?.at;
  let lastContactAt = await lastContactIn(
    db,
    workspaceId,
    mine,
    recent.map((c) => c.id),
  );
  const complete =
    recent.length < recentWindow || (lastContactAt && oldest && lastContactAt >= oldest);
  if (!complete) lastContactAt = await lastContactIn(db, workspaceId, mine, null);
  return {
    conversationsOpen: counts?.open ?? 0,
    conversationsTotal: counts?.total ?? 0,
    firstConversationAt: counts?.first ?? null,
    lastContactAt,
  } satisfies CustomerFacts;
}

const byActivity: Keyset = { at: conversations.lastActivityAt, id: conversations.id };
const recentWindow = 50;

/** The newest message exchanged with the customer (notes and automated mail aside), in `among`
 * conversations, or in all of theirs (`null`). */
async function lastContactIn(
  db: Db,
  workspaceId: string,
  mine: SQL | undefined,
  among: string[] | null,
) {
  if (among?.length === 0) return null;
  const [last] = await db
    .select({
      at: sql<Date | null>`max(${messages.createdAt})`.mapWith(messages.createdAt),
    })
    .from(messages)
    .innerJoin(conversations, messageInConversation)
    .where(
      and(
        mine,
        among ? inArray(conversations.id, among) : undefined,
        inWorkspace(messages, workspaceId),
        inArray(messages.direction, ["inbound", "outbound"]),
        eq(messages.automated, false),
        eq(messages.spam, false),
      ),
    );
  return last?.at ?? null;
}

/** Names of the users given, for showing who an advisor or backup is. */
export async function userNames(db: Db, workspaceId: string, ids: Array<string | null>) {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inWorkspace(users, workspaceId, inArray(users.id, wanted)));
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** The brand of the customer's latest conversation: where a new one for them most likely belongs. */
export async function latestBrandOf(db: Tx, workspaceId: string, customerId: string) {
  const [row] = await db
    .select({ brandId: conversations.brandId })
    .from(conversations)
    .where(inWorkspace(conversations, workspaceId, eq(conversations.customerId, customerId)))
    .orderBy(sql`${conversations.createdAt} desc`)
    .limit(1);
  return row?.brandId ?? null;
}
