// Reads about identities: the country a customer's phone numbers are read in, and the candidates a
// merge suggestion weighs — each found through an index, never by reading every customer.
import { and, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Candidate } from "../../domain/identity/merge-suggestions.ts";
import type { Tx } from "../database.ts";
import {
  brands,
  conversations,
  customerIdentities,
  customers,
  identitySightings,
} from "../schema/index.ts";
import { inWorkspace } from "./workspace-scope.ts";

/** The country of the brand the customer last wrote to, else of the workspace's first brand. */
export async function phoneCountryOf(tx: Tx, workspaceId: string, customerId: string) {
  const [latest] = await tx
    .select({ country: brands.country })
    .from(conversations)
    .innerJoin(
      brands,
      and(eq(brands.workspaceId, conversations.workspaceId), eq(brands.id, conversations.brandId)),
    )
    .where(inWorkspace(conversations, workspaceId, eq(conversations.customerId, customerId)))
    .orderBy(sql`${conversations.createdAt} desc`)
    .limit(1);
  return latest ? latest.country : workspaceCountry(tx, workspaceId);
}

/** The country of the workspace's first brand: where a number typed in a search is read. */
export async function workspaceCountry(tx: Tx, workspaceId: string) {
  const [first] = await tx
    .select({ country: brands.country })
    .from(brands)
    .where(eq(brands.workspaceId, workspaceId))
    .orderBy(brands.createdAt)
    .limit(1);
  return first?.country ?? null;
}

type Pair = { kind: string; value: string };
const pairsIn = (
  table: typeof customerIdentities | typeof identitySightings,
  pairs: readonly Pair[],
) => or(...pairs.map((p) => and(sql`${table.kind} = ${p.kind}`, eq(table.value, p.value))));

/** Customers as the rules see them: profile, identities and sightings, for these ids. */
export async function candidatesOf(
  tx: Tx,
  workspaceId: string,
  ids: readonly string[],
): Promise<Candidate[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const [rows, identities, sightings] = await Promise.all([
    tx
      .select({
        id: customers.id,
        name: customers.name,
        organisationId: customers.organisationId,
        mergedIntoId: customers.mergedIntoId,
        erasedAt: customers.erasedAt,
      })
      .from(customers)
      .where(inWorkspace(customers, workspaceId, inArray(customers.id, list))),
    tx
      .select({
        customerId: customerIdentities.customerId,
        kind: customerIdentities.kind,
        value: customerIdentities.value,
      })
      .from(customerIdentities)
      .where(
        inWorkspace(customerIdentities, workspaceId, inArray(customerIdentities.customerId, list)),
      ),
    tx
      .select({
        customerId: identitySightings.customerId,
        kind: identitySightings.kind,
        value: identitySightings.value,
      })
      .from(identitySightings)
      .where(
        inWorkspace(identitySightings, workspaceId, inArray(identitySightings.customerId, list)),
      ),
  ]);
  return rows
    .filter((r) => r.mergedIntoId === null && r.erasedAt === null)
    .map((r) => ({
      id: r.id,
      name: r.name,
      organisationId: r.organisationId,
      identities: identities.filter((i) => i.customerId === r.id),
      sightings: sightings.filter((s) => s.customerId === r.id),
    }));
}

/** How many candidates a suggestion list weighs at most from each kind of evidence. */
const perKind = 50;

/**
 * The ids of the customers that may be the same person as `subject`: they hold an identity it was
 * seen with, were seen with one of its identities, hold a variant of one of its addresses (same
 * suggestion key), or bear its name. Each through its own index.
 */
export async function candidateIdsFor(
  tx: Tx,
  workspaceId: string,
  subject: Candidate,
  matchKeys: readonly string[],
): Promise<string[]> {
  const holders = (table: typeof customerIdentities | typeof identitySightings, where: SQL) =>
    tx
      .select({ id: table.customerId })
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), where))
      .limit(perKind);
  const reads: Array<Promise<Array<{ id: string }>>> = [];
  const seen = pairsIn(customerIdentities, subject.sightings);
  if (seen) reads.push(holders(customerIdentities, seen));
  const seenElsewhere = pairsIn(identitySightings, subject.identities);
  if (seenElsewhere) reads.push(holders(identitySightings, seenElsewhere));
  if (matchKeys.length > 0) {
    const variants = and(
      eq(customerIdentities.kind, "email"),
      inArray(customerIdentities.matchKey, [...matchKeys]),
    ) as SQL;
    reads.push(holders(customerIdentities, variants));
  }
  if (subject.name.trim() !== "") {
    const sameName = and(
      eq(customers.workspaceId, workspaceId),
      eq(customers.name, subject.name),
      isNull(customers.mergedIntoId),
      ne(customers.id, subject.id),
    );
    reads.push(tx.select({ id: customers.id }).from(customers).where(sameName).limit(perKind));
  }
  const found = (await Promise.all(reads)).flat().map((r) => r.id);
  return [...new Set(found)].filter((id) => id !== subject.id);
}

/**
 * Where a merged customer lives on: the end of its `merged_into_id` chain (B into A, then A into C
 * → C), and the merge that merged it (to undo it), or null for a customer not merged.
 */
export async function mergedInto(tx: Tx, workspaceId: string, id: string) {
  const result = await tx.execute<{ survivor: string | null; merge_id: string | null }>(sql`
    with recursive chain(id, next, depth) as (
      select id, merged_into_id, 0 from customers where workspace_id = ${workspaceId} and id = ${id}
      union all
      select c.id, c.merged_into_id, chain.depth + 1 from chain
      join customers c on c.workspace_id = ${workspaceId} and c.id = chain.next
      where chain.depth < 20
    )
    select (select id from chain where next is null order by depth desc limit 1) as survivor,
      (select m.id from customer_merges m where m.workspace_id = ${workspaceId}
        and m.other_id = ${id} and m.undone_at is null order by m.created_at desc limit 1) as merge_id`);
  const row = result.rows[0];
  return row?.survivor && row.survivor !== id
    ? { customerId: row.survivor, mergeId: row.merge_id }
    : null;
}
