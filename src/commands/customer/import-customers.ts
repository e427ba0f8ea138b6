// Creates or updates customers by the key of the system they come from, many in one transaction: the
// import and `PUT /api/v1/customers/by-external-id/{id}` both run it. A row that changes nothing
// writes nothing and records no event, so importing the same file again changes nothing.
import { and, eq, inArray, sql } from "drizzle-orm";
import { normalizeEmail, normalizePhone } from "../../domain/identity/normalize.ts";
import type { CustomerImport } from "../../domain/orders/import-rows.ts";
import type { ErrorCode } from "../../errors.ts";
import { insertRows } from "../../store/insert-rows.ts";
import { anyOf } from "../../store/queries/any-of.ts";
import { inWorkspace } from "../../store/queries/workspace-scope.ts";
import { customerIdentities, customers } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { changesBetween, snapshotOf } from "../settings/changes.ts";
import type { AnyNewEvent, UnitOfWork } from "../unit-of-work.ts";

export type RowOutcome =
  | { index: number; status: "created" | "updated" | "unchanged"; id: string }
  | { index: number; status: "rejected"; code: ErrorCode; reason: string };

type Known = {
  id: string;
  externalId: string | null;
  name: string;
  preferredLanguage: string | null;
  customerSince: string | null;
  mergedIntoId: string | null;
};

type Wanted = { kind: "email" | "phone"; value: string; displayValue: string };

const profileFields = ["name", "preferredLanguage", "customerSince", "emails", "phones"] as const;
const newFields = ["externalId", "name", "preferredLanguage", "customerSince"] as const;

/** The identities a row asks for, normalised the one way; a phone that is no number refuses it. */
function identitiesOf(row: CustomerImport): Wanted[] | string {
  const wanted: Wanted[] = [];
  if (row.email) {
    wanted.push({ kind: "email", value: normalizeEmail(row.email), displayValue: row.email });
  }
  if (row.phone) {
    const value = normalizePhone(row.phone);
    if (!value) return `phone: "${row.phone}" is not a phone number`;
    wanted.push({ kind: "phone", value, displayValue: row.phone });
  }
  return wanted;
}

const keyOf = (kind: string, value: string) => `${kind}\u0000${value}`;

/** What a batch would write, read with or without row locks. */
async function planImport(uow: UnitOfWork, p: Principal, rows: CustomerImport[], lock: boolean) {
  const { tx, now } = uow;
  const known = new Map<string, Known>();
  const query = tx
    .select({
      id: customers.id,
      externalId: customers.externalId,
      name: customers.name,
      preferredLanguage: customers.preferredLanguage,
      customerSince: customers.customerSince,
      mergedIntoId: customers.mergedIntoId,
    })
    .from(customers)
    .where(
      inWorkspace(
        customers,
        p.workspaceId,
        anyOf(
          customers.externalId,
          rows.map((r) => r.externalId),
        ),
      ),
    )
    .orderBy(customers.id);
  const found = lock ? await query.for("update") : await query;
  for (const c of found) if (c.externalId) known.set(c.externalId, c);

  const wantedByRow = rows.map(identitiesOf);
  const asked = wantedByRow.flatMap((w) => (typeof w === "string" ? [] : w));
  const owners = new Map<string, string>();
  const reach = new Map<string, { emails: string[]; phones: string[] }>();
  if (asked.length > 0) {
    const values = [...new Set(asked.map((w) => w.value))];
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
          p.workspaceId,
          inArray(customerIdentities.kind, ["email", "phone"]),
          // One array parameter: a thousand rows' values as placeholders cost more than the read.
          anyOf(customerIdentities.value, values),
        ),
      );
    for (const c of claimed) owners.set(keyOf(c.kind, c.value), c.customerId);
  }
  const knownIds = [...known.values()].map((c) => c.id);
  if (knownIds.length > 0) {
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
          p.workspaceId,
          inArray(customerIdentities.customerId, knownIds),
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

  const outcomes: RowOutcome[] = [];
  const inserts: Array<typeof customers.$inferInsert> = [];
  const updates: Array<{ id: string; name: string; lang: string | null; since: string | null }> =
    [];
  const identities: Array<typeof customerIdentities.$inferInsert> = [];
  const events: AnyNewEvent[] = [];
  const seen = new Set<string>();

  for (const [index, row] of rows.entries()) {
    const wanted = wantedByRow[index] ?? [];
    const reject = (code: ErrorCode, reason: string) =>
      outcomes.push({ index, status: "rejected", code, reason });
    if (typeof wanted === "string") {
      reject("invalid_input", wanted);
      continue;
    }
    if (seen.has(row.externalId)) {
      reject("invalid_input", `external_id: "${row.externalId}" twice in one batch`);
      continue;
    }
    seen.add(row.externalId);
    const before = known.get(row.externalId);
    if (before?.mergedIntoId) {
      reject(
        "conflict",
        `external_id: "${row.externalId}" was merged into the customer ${before.mergedIntoId}`,
      );
      continue;
    }
    const id = before?.id ?? uow.newId();
    const taken = wanted.find((w) => {
      const owner = owners.get(keyOf(w.kind, w.value));
      return owner !== undefined && owner !== id;
    });
    if (taken) {
      const owner = owners.get(keyOf(taken.kind, taken.value));
      reject(
        "conflict",
        `${taken.kind}: ${taken.displayValue} already identifies another customer (${owner})`,
      );
      continue;
    }
    const added = wanted.filter((w) => !owners.has(keyOf(w.kind, w.value)));
    for (const w of added) {
      owners.set(keyOf(w.kind, w.value), id);
      identities.push({
        workspaceId: p.workspaceId,
        id: uow.newId(),
        customerId: id,
        kind: w.kind,
        value: w.value,
        displayValue: w.displayValue,
        createdAt: now,
      });
    }
    if (!before) {
      const fresh = {
        externalId: row.externalId,
        name: row.name ?? "",
        preferredLanguage: row.language ?? null,
        customerSince: row.customerSince ?? null,
      };
      inserts.push({ workspaceId: p.workspaceId, id, ...fresh, createdAt: now, updatedAt: now });
      events.push({
        type: "customer.imported",
        customerId: id,
        data: { external_id: row.externalId },
        after: {
          ...snapshotOf(fresh, newFields),
          emails: added.filter((w) => w.kind === "email").map((w) => w.displayValue),
          phones: added.filter((w) => w.kind === "phone").map((w) => w.displayValue),
        },
      });
      outcomes.push({ index, status: "created", id });
      continue;
    }
    const had = reach.get(id) ?? { emails: [], phones: [] };
    const was = { ...before, ...had };
    const next = {
      ...was,
      name: row.name ?? was.name,
      preferredLanguage: row.language ?? was.preferredLanguage,
      customerSince: row.customerSince ?? was.customerSince,
      emails: [
        ...had.emails,
        ...added.filter((w) => w.kind === "email").map((w) => w.displayValue),
      ],
      phones: [
        ...had.phones,
        ...added.filter((w) => w.kind === "phone").map((w) => w.displayValue),
      ],
    };
    const changes = changesBetween(was, next, profileFields);
    if (!changes) {
      outcomes.push({ index, status: "unchanged", id });
      continue;
    }
    updates.push({ id, name: next.name, lang: next.preferredLanguage, since: next.customerSince });
    events.push({
      type: "customer.updated",
      customerId: id,
      data: { fields: Object.keys(changes.after), source: "import" },
      ...changes,
    });
    outcomes.push({ index, status: "updated", id });
  }

  return { outcomes, inserts, updates, identities, events };
}

/**
 * Most batches only create customers or change nothing: they are read without locks (a race to
 * create one fails on its unique key and runs again). A batch that changes customers reads them
 * again locked, and decides on what it locked.
 */
export async function importCustomers(
  uow: UnitOfWork,
  p: Principal,
  { rows }: { rows: CustomerImport[] },
): Promise<RowOutcome[]> {
  const { tx, now } = uow;
  if (rows.length === 0) return [];
  let plan = await planImport(uow, p, rows, false);
  if (plan.updates.length > 0) plan = await planImport(uow, p, rows, true);
  const { outcomes, inserts, updates, identities, events } = plan;
  await insertRows(tx, customers, inserts);
  if (updates.length > 0) {
    // One statement for the batch: the new values travel as one JSON parameter.
    await tx.execute(sql`
      update ${customers} set name = u.name, preferred_language = u.lang,
        customer_since = u.since::date, updated_at = ${now}
      from json_to_recordset(${JSON.stringify(updates)}::json)
        as u(id uuid, name text, lang text, since text)
      where ${and(eq(customers.workspaceId, p.workspaceId))} and ${customers.id} = u.id`);
  }
  await insertRows(tx, customerIdentities, identities);
  await uow.recordAll(events);
  return outcomes;
}
