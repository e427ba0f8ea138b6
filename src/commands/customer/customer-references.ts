// The tables that belong to a customer, in ONE list: every row that names the customer in its column
// moves with a merge and back with its undo. A table that refers to a customer is added here.
// (Sightings stay with the profile that was seen: they are evidence about that profile.)
import { getTableName, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../store/database.ts";
import type { TenantTable } from "../../store/queries/workspace-scope.ts";
import {
  conversations,
  customerIdentities,
  events,
  messages,
  orders,
} from "../../store/schema/index.ts";

export type CustomerReference = {
  table: TenantTable & { id: PgColumn };
  /** The column that names the customer. */
  column: PgColumn;
};

export const customerReferences: readonly CustomerReference[] = [
  { table: conversations, column: conversations.customerId },
  { table: customerIdentities, column: customerIdentities.customerId },
  { table: messages, column: messages.authorCustomerId },
  { table: events, column: events.customerId },
  { table: orders, column: orders.customerId },
];

/** How a reference is named in a merge's record of what moved: its table, a dot, its column. */
export const referenceName = (r: CustomerReference) => `${getTableName(r.table)}.${r.column.name}`;

/**
 * Points the rows of `ref` that name `from` at `to` (only those in `ids` when given, and only
 * those matching `extra`); answers the ids it moved. Uses the (workspace, column) index.
 */
export async function moveReferences(
  tx: Tx,
  workspaceId: string,
  ref: CustomerReference,
  from: string,
  to: string,
  ids?: readonly string[],
  extra?: SQL,
): Promise<string[]> {
  if (ids !== undefined && ids.length === 0) return [];
  const only =
    ids === undefined
      ? sql``
      : sql` and ${ref.table.id} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
  const also = extra ? sql` and ${extra}` : sql``;
  const result = await tx.execute<{ id: string }>(sql`
    update ${ref.table} set ${sql.identifier(ref.column.name)} = ${to}
    where ${ref.table.workspaceId} = ${workspaceId} and ${ref.column} = ${from}${only}${also}
    returning ${ref.table.id} as id`);
  return result.rows.map((r) => r.id);
}

/** How many rows of each reference name each of `ids`: what a merge of them would move. */
export async function referenceCounts(
  tx: Tx,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (ids.length === 0) return counts;
  const list = JSON.stringify(ids);
  const parts = customerReferences.map(
    (
      r,
    ) => sql`select ${getTableName(r.table)} as name, ${r.column} as customer_id, count(*)::int as n
      from ${r.table} where ${r.table.workspaceId} = ${workspaceId}
      and ${r.column} in (select jsonb_array_elements_text(${list}::jsonb)::uuid)
      group by ${r.column}`,
  );
  const result = await tx.execute<{ name: string; customer_id: string; n: number }>(
    sql.join(parts, sql` union all `),
  );
  for (const id of ids)
    counts.set(id, Object.fromEntries(customerReferences.map((r) => [getTableName(r.table), 0])));
  for (const row of result.rows) {
    const entry = counts.get(row.customer_id);
    if (entry) entry[row.name] = row.n;
  }
  return counts;
}
