// Reading conversations: keyset-paged lists (newest activity first, or ranked by a full-text search)
// and one conversation with its messages.
import { and, asc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { ConversationStatus } from "../../domain/conversation/status.ts";
import { headlineStart, headlineStop } from "../../domain/search/highlight.ts";
import type { Db, Tx } from "../database.ts";
import {
  attachments,
  conversations,
  customerIdentities,
  customers,
  messages,
} from "../schema/index.ts";
import { notSnoozedCondition, snoozedCondition, taggedCondition } from "./conversation-views.ts";
import { after, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

export type ConversationFilter = {
  workspaceId: string;
  statuses?: ConversationStatus[];
  customerEmail?: string;
  brandId?: string;
  assigneeId?: string;
  q?: string;
  spam?: boolean;
  bulk?: boolean;
  /** A normalised tag (domain/conversation/tags.ts). */
  tag?: string | undefined;
  /** Only snoozed conversations, or none of them, at `now`. */
  snoozed?: boolean | undefined;
  now: Date;
  after?: Position | undefined;
  limit: number;
};

const byActivity: Keyset = { at: conversations.lastActivityAt, id: conversations.id };

/**
 * Conversations newest activity first, or, with `q`, by relevance: the reference, the subject and
 * the message bodies in full text (French and English forms, accents folded), ties by activity.
 */
export async function listConversations(db: Db, f: ConversationFilter) {
  const where: Array<SQL | undefined> = [inWorkspace(conversations, f.workspaceId)];
  if (f.statuses && f.statuses.length > 0) where.push(inArray(conversations.status, f.statuses));
  if (f.brandId) where.push(eq(conversations.brandId, f.brandId));
  if (f.assigneeId) where.push(eq(conversations.assigneeId, f.assigneeId));
  if (f.spam !== undefined) where.push(eq(conversations.spam, f.spam));
  if (f.bulk !== undefined) where.push(eq(conversations.bulk, f.bulk));
  if (f.tag) where.push(taggedCondition(f.tag));
  if (f.snoozed !== undefined) {
    where.push(f.snoozed ? snoozedCondition(f.now) : notSnoozedCondition(f.now));
  }
  if (f.customerEmail) {
    where.push(
      inArray(
        conversations.customerId,
        db
          .select({ id: customerIdentities.customerId })
          .from(customerIdentities)
          .where(
            inWorkspace(
              customerIdentities,
              f.workspaceId,
              eq(customerIdentities.kind, "email"),
              eq(customerIdentities.value, f.customerEmail.trim().toLowerCase()),
            ),
          ),
      ),
    );
  }
  const columns = { conversation: listedColumns, customerName: customers.name };
  const withCustomer = and(
    eq(customers.workspaceId, conversations.workspaceId),
    eq(customers.id, conversations.customerId),
  );
  if (f.q) {
    const hits = await matchesOf(db, f.workspaceId, f.q);
    const keyset: Keyset = { ...byActivity, rank: sql`${hits.rank}` };
    const rows = await db
      .select({ ...columns, rank: hits.rank })
      .from(hits)
      .innerJoin(
        conversations,
        inWorkspace(conversations, f.workspaceId, eq(conversations.id, hits.id)),
      )
      .innerJoin(customers, withCustomer)
      .where(and(...where, after(keyset, f.after)))
      .orderBy(...orderOf(keyset))
      .limit(f.limit + 1);
    return pageOf(rows, f.limit, (r) => ({
      at: r.conversation.lastActivityAt,
      id: r.conversation.id,
      rank: r.rank,
    }));
  }
  const rows = await db
    .select(columns)
    .from(conversations)
    .innerJoin(customers, withCustomer)
    .where(and(...where, after(byActivity, f.after)))
    .orderBy(...orderOf(byActivity))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => ({
    at: r.conversation.lastActivityAt,
    id: r.conversation.id,
  }));
}

// The search vectors stay in the database: lists and pages never carry them.
const { searchVector: _conversationVector, ...listedColumns } = getTableColumns(conversations);
const { searchVector: _messageVector, ...messageColumns } = getTableColumns(messages);

// Relevance: a reference typed in full ranks first; a subject counts twice a body.
const referenceRank = 1000;
// A common word matches a large share of the desk: relevance is computed among its newest matches
// only, so a search costs the same at any size.
export const searchCandidates = 500;
// Where they are looked for first (rows, newest first through the time index): a word with at least
// `searchWalkEnough` matches there is searched there only; a rarer one in the whole desk, through
// the GIN index, where it then has few matches (under one row in 500, on average).
export const searchWalk = 20_000;
export const searchWalkEnough = 40;
// A glance at the newest rows comes first: a word none of them holds is rare (or absent), and goes
// straight to the GIN index; a very common one has all its candidates there.
const searchGlance = 2_000;

type Hit = { id: string; rank: number };

/**
 * The newest matches of one table, by a plan chosen by what the data holds rather than by
 * PostgreSQL's estimate of a tsquery's selectivity (which French and English forms, and words that
 * only meet in different languages, "order livraison", make wrong by orders of magnitude): the
 * newest rows read newest first through the time index, which stops at the candidates for a common
 * word, a glance, then if it found any, the newest `searchWalk`; when the glance finds none or the
 * walk fewer than `searchWalkEnough`, the word is rare and the GIN index gathers all its matches
 * (a bitmap scan, the only plan allowed).
 */
async function newestMatches(
  db: Db,
  walk: (rows: number) => Promise<Hit[]>,
  gather: (tx: Tx) => Promise<Hit[]>,
): Promise<Hit[]> {
  const glanced = await walk(searchGlance);
  if (glanced.length >= searchCandidates) return glanced;
  if (glanced.length > 0) {
    const walked = await walk(searchWalk);
    if (walked.length >= searchWalkEnough) return walked;
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_indexscan = off`);
    return gather(tx);
  });
}

const hitRows = (result: { rows: Array<Record<string, unknown>> }): Hit[] =>
  result.rows.map((r) => ({ id: String(r.id), rank: Number(r.rank) }));

/** Message bodies `query` matches, newest first, with their rank, and the not yet indexed ones. */
async function bodyHits(db: Db, workspaceId: string, query: SQL): Promise<Hit[]> {
  const indexed = newestMatches(
    db,
    async (rows) =>
      hitRows(
        await db.execute(sql`select recent.conversation_id as id,
            ts_rank(recent.search_vector, ${query}) as rank
          from (select ${messages.conversationId}, ${messages.searchVector}, ${messages.createdAt}
                from ${messages} where ${inWorkspace(messages, workspaceId)}
                order by ${messages.createdAt} desc nulls last limit ${rows}) recent
          where recent.search_vector @@ ${query}
          order by recent.created_at desc nulls last limit ${searchCandidates}`),
      ),
    async (tx) =>
      tx
        .select({
          id: messages.conversationId,
          rank: sql<number>`ts_rank(${messages.searchVector}, ${query})`.mapWith(Number),
        })
        .from(messages)
        .where(inWorkspace(messages, workspaceId, sql`${messages.searchVector} @@ ${query}`))
        .orderBy(sql`${messages.createdAt} desc nulls last`)
        .limit(searchCandidates),
  );
  // A message not indexed yet (the indexer fills its vector a moment after it is stored) is matched
  // on its body directly: found at once, through the small partial index of such messages.
  const bodyVector = sql`rapport_search_vector(${messages.bodyText})`;
  const unindexed = db
    .select({
      id: messages.conversationId,
      rank: sql<number>`ts_rank(${bodyVector}, ${query})`.mapWith(Number),
    })
    .from(messages)
    .where(
      inWorkspace(
        messages,
        workspaceId,
        sql`${messages.searchVector} is null and ${bodyVector} @@ ${query}`,
      ),
    );
  return (await Promise.all([indexed, unindexed])).flat();
}

/** Subjects `query` matches, most recent activity first, with their rank (a subject counts twice). */
function subjectHits(db: Db, workspaceId: string, query: SQL): Promise<Hit[]> {
  return newestMatches(
    db,
    async (rows) =>
      hitRows(
        await db.execute(sql`select recent.id, 2 * ts_rank(recent.search_vector, ${query}) as rank
          from (select ${conversations.id}, ${conversations.searchVector},
                  ${conversations.lastActivityAt}
                from ${conversations} where ${inWorkspace(conversations, workspaceId)}
                order by ${conversations.lastActivityAt} desc nulls last,
                  ${conversations.id} desc nulls last
                limit ${rows}) recent
          where recent.search_vector @@ ${query}
          order by recent.last_activity_at desc nulls last, recent.id desc nulls last
          limit ${searchCandidates}`),
      ),
    async (tx) =>
      tx
        .select({
          id: conversations.id,
          rank: sql<number>`2 * ts_rank(${conversations.searchVector}, ${query})`.mapWith(Number),
        })
        .from(conversations)
        .where(
          inWorkspace(conversations, workspaceId, sql`${conversations.searchVector} @@ ${query}`),
        )
        .orderBy(...orderOf(byActivity))
        .limit(searchCandidates),
  );
}

/** Each conversation once, with its best rank. */
export function bestRanks(hits: Hit[]): Hit[] {
  const best = new Map<string, number>();
  for (const hit of hits) best.set(hit.id, Math.max(best.get(hit.id) ?? -Infinity, hit.rank));
  return [...best].map(([id, rank]) => ({ id, rank }));
}

/** The conversations `text` matches, each with its best rank (a subquery to join). */
async function matchesOf(db: Db, workspaceId: string, text: string) {
  const query = sql`rapport_search_query(${text})`;
  const reference = text.toUpperCase().replace(/[[\]#\s]/g, "");
  const [bodies, subjects, byReference] = await Promise.all([
    bodyHits(db, workspaceId, query),
    subjectHits(db, workspaceId, query),
    db
      .select({ id: conversations.id })
      .from(conversations)
      .where(inWorkspace(conversations, workspaceId, eq(conversations.reference, reference))),
  ]);
  const hits = bestRanks([
    ...bodies,
    ...subjects,
    ...byReference.map((c) => ({ id: c.id, rank: referenceRank })),
  ]);
  // Two array parameters, however many candidates (ids are uuids, ranks numbers: nothing to quote).
  const ids = `{${hits.map((h) => h.id).join(",")}}`;
  const ranks = `{${hits.map((h) => h.rank).join(",")}}`;
  return db
    .select({
      id: sql<string>`matched.id`.as("matched_id"),
      rank: sql<number>`matched.rank`.mapWith(Number).as("best_rank"),
    })
    .from(sql`unnest(${ids}::uuid[], ${ranks}::real[]) as matched(id, rank)`)
    .as("matches");
}

export async function getConversation(db: Db, workspaceId: string, id: string) {
  const [row] = await conversationsByIds(db, workspaceId, [id]);
  return row ?? null;
}

/** Conversations by id with their customer's name, in no particular order (a missing one is left out). */
export async function conversationsByIds(db: Db, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ conversation: conversations, customerName: customers.name })
    .from(conversations)
    .innerJoin(
      customers,
      and(
        eq(customers.workspaceId, conversations.workspaceId),
        eq(customers.id, conversations.customerId),
      ),
    )
    .where(inWorkspace(conversations, workspaceId, inArray(conversations.id, [...ids])));
}

/**
 * How much of a body a conversation shows (characters): a 25 MB mail must not make a 25 MB answer.
 * Past it the text is cut, the HTML left out, and the message says so; the raw mail has it all.
 */
export const shownBodyLength = 100_000;

export async function messagesOf(db: Db, workspaceId: string, conversationId: string) {
  return shownMessages(db, workspaceId, eq(messages.conversationId, conversationId));
}

/** Messages by id as a conversation shows them, oldest first (a missing one is left out). */
export async function messagesByIds(db: Db, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return shownMessages(db, workspaceId, inArray(messages.id, [...ids]));
}

/** The messages `condition` selects, bodies cut at `shownBodyLength`, with their attachments. */
async function shownMessages(db: Db, workspaceId: string, condition: SQL) {
  const list = await db
    .select({
      ...messageColumns,
      bodyText: sql<string>`left(${messages.bodyText}, ${shownBodyLength})`,
      bodyHtml: sql<string | null>`case when length(${messages.bodyHtml}) > ${shownBodyLength}
        then null else ${messages.bodyHtml} end`,
      bodyTruncated: sql<boolean>`coalesce(length(${messages.bodyText}) > ${shownBodyLength}
        or length(${messages.bodyHtml}) > ${shownBodyLength}, false)`,
    })
    .from(messages)
    .where(inWorkspace(messages, workspaceId, condition))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files =
    list.length === 0
      ? []
      : await db
          .select()
          .from(attachments)
          .where(
            inWorkspace(
              attachments,
              workspaceId,
              inArray(
                attachments.messageId,
                list.map((m) => m.id),
              ),
            ),
          );
  return list.map((m) => ({ ...m, attachments: files.filter((a) => a.messageId === m.id) }));
}

/** Where a message's raw mail is kept, if it came by mail. */
export async function rawMailOf(db: Db, workspaceId: string, messageId: string) {
  const [row] = await db
    .select({ rawBlobKey: messages.rawBlobKey })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, messageId)));
  return row?.rawBlobKey ?? null;
}

export const customerEmailOf = async (db: Tx, workspaceId: string, customerId: string) => {
  const [row] = await db
    .select({ value: customerIdentities.displayValue, flags: customerIdentities.flags })
    .from(customerIdentities)
    .where(
      inWorkspace(
        customerIdentities,
        workspaceId,
        eq(customerIdentities.customerId, customerId),
        eq(customerIdentities.kind, "email"),
      ),
    )
    .orderBy(asc(customerIdentities.createdAt))
    .limit(1);
  return row ?? null;
};

/** The customers' names of some conversations (the answer to a change of a selection). */
export async function customerNames(
  db: Db,
  workspaceId: string,
  of: ReadonlyArray<{ id: string }>,
): Promise<Map<string, string>> {
  if (of.length === 0) return new Map();
  const rows = await db
    .select({ id: conversations.id, name: customers.name })
    .from(conversations)
    .innerJoin(
      customers,
      and(
        eq(customers.workspaceId, conversations.workspaceId),
        eq(customers.id, conversations.customerId),
      ),
    )
    .where(
      inWorkspace(
        conversations,
        workspaceId,
        inArray(
          conversations.id,
          of.map((o) => o.id),
        ),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * For the conversations of one page of search results, the subject and an excerpt of the newest
 * matching message with the words `text` matches between the headline markers: ts_headline reads
 * whole texts, so it runs on those few rows only, never on the matches it did not list.
 */
export async function headlinesOf(db: Db, workspaceId: string, ids: string[], text: string) {
  if (ids.length === 0) return new Map<string, { subject: string; excerpt: string | null }>();
  const query = sql`rapport_search_query(${text})`;
  const marks = `StartSel="${headlineStart}", StopSel="${headlineStop}"`;
  const excerptOptions = `${marks}, MaxWords=20, MinWords=8, ShortWord=2, MaxFragments=1`;
  const [subjects, excerpts] = await Promise.all([
    db
      .select({
        id: conversations.id,
        subject: sql<string>`ts_headline('rapport_headline', ${conversations.subject}, ${query}, ${`${marks}, HighlightAll=true`})`,
      })
      .from(conversations)
      .where(inWorkspace(conversations, workspaceId, inArray(conversations.id, ids))),
    db
      .selectDistinctOn([messages.conversationId], {
        id: messages.conversationId,
        excerpt: sql<string>`ts_headline('rapport_headline', left(${messages.bodyText}, ${headlineLength}), ${query}, ${excerptOptions})`,
      })
      .from(messages)
      .where(
        inWorkspace(
          messages,
          workspaceId,
          inArray(messages.conversationId, ids),
          sql`(${messages.searchVector} @@ ${query} or (${messages.searchVector} is null and rapport_search_vector(${messages.bodyText}) @@ ${query}))`,
        ),
      )
      .orderBy(messages.conversationId, sql`${messages.createdAt} desc`),
  ]);
  return new Map(
    subjects.map((s) => [
      s.id,
      { subject: s.subject, excerpt: excerpts.find((e) => e.id === s.id)?.excerpt ?? null },
    ]),
  );
}

// As much of a body as the search vectors index (rapport_search_vector reads its first 10,000 characters).
const headlineLength = 10_000;
