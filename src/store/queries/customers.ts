// Reading customers: search by email, phone or words (keyset-paged), a profile with its identities
// and organisation, the timeline of their events, and the facts an advisor sees before reading.
import { and, asc, eq, ilike, inArray, isNull, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../database.ts";
import {
  conversations,
  customerIdentities,
  customers,
  events,
  messages,
  organisations,
  users,
} from "../schema/index.ts";
import { after, newestFirst, type Position, pageOf } from "./keyset.ts";

export type CustomerFilter = {
  workspaceId: string;
  /** Already normalised (lower-case). */
  email?: string | undefined;
  /** Already normalised (see domain/identity/normalize.ts). */
  phone?: string | undefined;
  q?: string | undefined;
  /** Digits of `q` when it looks like a phone number, to find it inside stored numbers. */
  qDigits?: string | undefined;
  after?: Position | undefined;
  limit: number;
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Names are searched without regard to accents, the same way whatever the cluster's locale (the
// embedded one has none, so ILIKE alone would not match "LÉA" to "Léa"): accented Latin letters,
// in either case, are folded to their base letter both in the query and in the column.
const foldable = Array.from({ length: 0x250 - 0xc0 }, (_, i) => String.fromCodePoint(0xc0 + i))
  .map((c) => [c, c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()] as const)
  .filter(([c, base]) => /^[a-z]$/.test(base) && base !== c);
const foldFrom = foldable.map(([c]) => c).join("");
const foldTo = foldable.map(([, base]) => base).join("");
const folding = new Map(foldable);

/** The text with accented Latin letters replaced by their base letter ("Élodie" → "elodie"). */
export const foldAccents = (text: string) =>
  Array.from(text.normalize("NFC"), (c) => folding.get(c) ?? c).join("");

const foldedName = sql`translate(normalize(${customers.name}, NFC), ${foldFrom}, ${foldTo})`;

function identityMatch(workspaceId: string, condition: SQL | undefined) {
  return and(
    eq(customerIdentities.workspaceId, workspaceId),
    eq(customerIdentities.customerId, customers.id),
    condition,
  );
}

const hasIdentity = (db: Db, workspaceId: string, condition: SQL | undefined) =>
  sql`exists (${db
    .select({ one: sql`1` })
    .from(customerIdentities)
    .where(identityMatch(workspaceId, condition))})`;

/** Customers newest first; profiles merged into another one are left out. */
export async function listCustomers(db: Db, f: CustomerFilter) {
  const where: Array<SQL | undefined> = [
    eq(customers.workspaceId, f.workspaceId),
    isNull(customers.mergedIntoId),
    after(customers.createdAt, customers.id, f.after),
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
  if (f.q !== undefined) {
    const pattern = likePattern(f.q);
    where.push(
      or(
        sql`${foldedName} ilike ${likePattern(foldAccents(f.q))}`,
        hasIdentity(db, f.workspaceId, ilike(customerIdentities.value, pattern)),
        f.qDigits
          ? hasIdentity(
              db,
              f.workspaceId,
              and(
                eq(customerIdentities.kind, "phone"),
                ilike(customerIdentities.value, likePattern(f.qDigits)),
              ),
            )
          : undefined,
      ),
    );
  }
  const rows = await db
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(...newestFirst(customers.createdAt, customers.id))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (c) => ({ at: c.createdAt, id: c.id }));
}

export type Customer = typeof customers.$inferSelect;
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
      and(
        eq(customerIdentities.workspaceId, workspaceId),
        inArray(customerIdentities.customerId, ids),
      ),
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
            and(
              eq(organisations.workspaceId, workspaceId),
              inArray(organisations.id, organisationIds),
            ),
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
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  return row ?? null;
}

export async function getProfile(db: Tx, workspaceId: string, id: string) {
  const customer = await getCustomer(db, workspaceId, id);
  if (!customer) return null;
  const [profile] = await profilesOf(db, workspaceId, [customer]);
  return profile ?? null;
}

/** A customer's events, newest first. */
export async function timelineOf(
  db: Db,
  workspaceId: string,
  customerId: string,
  page: { after?: Position | undefined; limit: number },
) {
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.customerId, customerId),
        after(events.createdAt, events.id, page.after),
      ),
    )
    .orderBy(...newestFirst(events.createdAt, events.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (e) => ({ at: e.createdAt, id: e.id }));
}

export type CustomerFacts = {
  conversationsOpen: number;
  conversationsTotal: number;
  firstConversationAt: Date | null;
  lastContactAt: Date | null;
};

/**
 * What the summary counts, spam left out: conversations (open = not resolved or closed), the
 * first one, and the last message exchanged with the customer (notes and automated mail aside).
 */
export async function factsOf(db: Db, workspaceId: string, customerId: string) {
  const mine = and(
    eq(conversations.workspaceId, workspaceId),
    eq(conversations.customerId, customerId),
    eq(conversations.spam, false),
  );
  const [counts] = await db
    .select({
      open: sql<number>`count(*) filter (where ${notInArray(conversations.status, ["resolved", "closed"])})`.mapWith(
        Number,
      ),
      total: sql<number>`count(*)`.mapWith(Number),
      first: sql<Date | null>`min(${conversations.createdAt})`.mapWith(conversations.createdAt),
    })
    .from(conversations)
    .where(mine);
  const [last] = await db
    .select({
      at: sql<Date | null>`max(${messages.createdAt})`.mapWith(messages.createdAt),
    })
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
        mine,
        eq(messages.workspaceId, workspaceId),
        inArray(messages.direction, ["inbound", "outbound"]),
        eq(messages.automated, false),
        eq(messages.spam, false),
      ),
    );
  return {
    conversationsOpen: counts?.open ?? 0,
    conversationsTotal: counts?.total ?? 0,
    firstConversationAt: counts?.first ?? null,
    lastContactAt: last?.at ?? null,
  } satisfies CustomerFacts;
}

/** Names of the users given, for showing who an advisor or backup is. */
export async function userNames(db: Db, workspaceId: string, ids: Array<string | null>) {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, wanted)));
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** The brand of the customer's latest conversation: where a new one for them most likely belongs. */
export async function latestBrandOf(db: Tx, workspaceId: string, customerId: string) {
  const [row] = await db
    .select({ brandId: conversations.brandId })
    .from(conversations)
    .where(
      and(eq(conversations.workspaceId, workspaceId), eq(conversations.customerId, customerId)),
    )
    .orderBy(sql`${conversations.createdAt} desc`)
    .limit(1);
  return row?.brandId ?? null;
}
