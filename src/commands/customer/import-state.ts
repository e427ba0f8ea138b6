// What a batch of customer rows finds in the store before it decides: the customers already keyed by
// the rows' external ids, the customers their emails and phones already identify (a customer who
// wrote in before being imported is adopted, not duplicated), and those customers' reach.
import { inArray, isNull } from "drizzle-orm";
import { normalizeEmail, normalizePhone } from "../../domain/identity/normalize.ts";
import type { CustomerImport } from "../../domain/orders/import-rows.ts";
import type { Tx } from "../../store/database.ts";
import { anyOf } from "../../store/queries/any-of.ts";
import { workspaceCountry } from "../../store/queries/identity.ts";
import { inWorkspace } from "../../store/queries/workspace-scope.ts";
import { customerIdentities, customers } from "../../store/schema/index.ts";

export type Known = {
  id: string;
  externalId: string | null;
  name: string;
  preferredLanguage: string | null;
  customerSince: string | null;
  mergedIntoId: string | null;
};

export type Wanted = { kind: "email" | "phone"; value: string; displayValue: string };

export const keyOf = (kind: string, value: string) => `${kind}\u0000${value}`;

/**
 * The identities a row asks for, normalised the one way (a phone without its international prefix is
 * read in the workspace's country); a phone that is no number refuses it.
 */
export function identitiesOf(row: CustomerImport, country: string | null): Wanted[] | string {
  const wanted: Wanted[] = [];
  if (row.email) {
    wanted.push({ kind: "email", value: normalizeEmail(row.email), displayValue: row.email });
  }
  if (row.phone) {
    const value = normalizePhone(row.phone, country);
    if (!value) return `phone: "${row.phone}" is not a phone number`;
    wanted.push({ kind: "phone", value, displayValue: row.phone });
  }
  return wanted;
}

const knownColumns = {
  id: customers.id,
  externalId: customers.externalId,
  name: customers.name,
  preferredLanguage: customers.preferredLanguage,
  customerSince: customers.customerSince,
  mergedIntoId: customers.mergedIntoId,
};

export async function readImportState(
  tx: Tx,
  workspaceId: string,
  rows: CustomerImport[],
  lock: boolean,
) {
  const read = async (
    condition: ReturnType<typeof anyOf>,
    ...more: ReturnType<typeof isNull>[]
  ) => {
    const query = tx
      .select(knownColumns)
      .from(customers)
      .where(inWorkspace(customers, workspaceId, condition, ...more))
      .orderBy(customers.id);
    return lock ? await query.for("update") : await query;
  };
  const known = new Map<string, Known>();
  for (const c of await read(
    anyOf(
      customers.externalId,
      rows.map((r) => r.externalId),
    ),
  )) {
    if (c.externalId) known.set(c.externalId, c);
  }

  const country = await workspaceCountry(tx, workspaceId);
  const wantedByRow = rows.map((row) => identitiesOf(row, country));
  const asked = wantedByRow.flatMap((w) => (typeof w === "string" ? [] : w));
  const owners = new Map<string, string>();
  if (asked.length > 0) {
    const claimed = await tx
      .select({
        customerId: customerIdentities.customerId,
        kind: customerIdentities.kind,
        value: customerIdentities.value,
      })
      .from(customerIdentities)
      .where(
        inWorkspace(
          customerIdentities,
          workspaceId,
          inArray(customerIdentities.kind, ["email", "phone"]),
          anyOf(customerIdentities.value, [...new Set(asked.map((w) => w.value))]),
        ),
      );
    for (const c of claimed) owners.set(keyOf(c.kind, c.value), c.customerId);
  }

  // Owners of a new row's identities that no source keys yet: the row may adopt one of them.
  const knownIds = new Set([...known.values()].map((c) => c.id));
  const candidates = new Set<string>();
  wantedByRow.forEach((wanted, index) => {
    const row = rows[index];
    if (typeof wanted === "string" || !row || known.has(row.externalId)) return;
    for (const w of wanted) {
      const owner = owners.get(keyOf(w.kind, w.value));
      if (owner && !knownIds.has(owner)) candidates.add(owner);
    }
  });
  const adoptable = new Map<string, Known>();
  if (candidates.size > 0) {
    const found = await read(
      anyOf(customers.id, [...candidates], "uuid"),
      isNull(customers.externalId),
      isNull(customers.mergedIntoId),
    );
    for (const c of found) adoptable.set(c.id, c);
  }

  const reach = new Map<string, { emails: string[]; phones: string[] }>();
  const reachable = [...knownIds, ...adoptable.keys()];
  if (reachable.length > 0) {
    const held = await tx
      .select({
        customerId: customerIdentities.customerId,
        kind: customerIdentities.kind,
        displayValue: customerIdentities.displayValue,
      })
      .from(customerIdentities)
      .where(
        inWorkspace(
          customerIdentities,
          workspaceId,
          anyOf(customerIdentities.customerId, reachable, "uuid"),
          inArray(customerIdentities.kind, ["email", "phone"]),
        ),
      )
      .orderBy(customerIdentities.createdAt, customerIdentities.id);
    for (const h of held) {
      const r = reach.get(h.customerId) ?? { emails: [], phones: [] };
      (h.kind === "email" ? r.emails : r.phones).push(h.displayValue);
      reach.set(h.customerId, r);
    }
  }
  return { known, adoptable, owners, reach, wantedByRow };
}
