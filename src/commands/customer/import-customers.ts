// Creates or updates customers by the key of the system they come from, many in one transaction: the
// import and `PUT /api/v1/customers/by-external-id/{id}` both run it. A row that changes nothing
// writes nothing and records no event, so importing the same file again changes nothing. A customer
// who wrote in before being imported is found by their email or phone and takes the external id.
import { and, eq, sql } from "drizzle-orm";
import { suggestionKey } from "../../domain/identity/normalize.ts";
import type { CustomerImport } from "../../domain/orders/import-rows.ts";
import type { ErrorCode } from "../../errors.ts";
import { insertRows } from "../../store/insert-rows.ts";
import { customerIdentities, customers } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { changesBetween, snapshotOf } from "../settings/changes.ts";
import type { AnyNewEvent, UnitOfWork } from "../unit-of-work.ts";
import { keyOf, readImportState, type Wanted } from "./import-state.ts";

export type RowOutcome =
  | { index: number; status: "created" | "updated" | "unchanged"; id: string }
  | { index: number; status: "rejected"; code: ErrorCode; reason: string };

const profileFields = [
  "externalId",
  "name",
  "preferredLanguage",
  "customerSince",
  "emails",
  "phones",
] as const;
const newFields = ["externalId", "name", "preferredLanguage", "customerSince"] as const;

/** What a batch would write, read with or without row locks. */
async function planImport(uow: UnitOfWork, p: Principal, rows: CustomerImport[], lock: boolean) {
  const { tx, now } = uow;
  const { known, adoptable, owners, reach, wantedByRow } = await readImportState(
    tx,
    p.workspaceId,
    rows,
    lock,
  );
  const adopted = new Set<string>();

  const outcomes: RowOutcome[] = [];
  const inserts: Array<typeof customers.$inferInsert> = [];
  const updates: Array<{
    id: string;
    ext: string;
    name: string;
    lang: string | null;
    since: string | null;
  }> = [];
  const identities: Array<typeof customerIdentities.$inferInsert> = [];
  const events: AnyNewEvent[] = [];
  const seen = new Set<string>();
  /**
   * A new row whose email or phone identifies exactly one customer that no source keys yet (they
   * wrote in before being imported) takes that customer, once per batch.
   */
  const adoptedBy = (wanted: Wanted[]) => {
    const ids = new Set(wanted.flatMap((w) => owners.get(keyOf(w.kind, w.value)) ?? []));
    const [only] = ids;
    const customer = ids.size === 1 && only ? adoptable.get(only) : undefined;
    if (!customer || adopted.has(customer.id)) return undefined;
    adopted.add(customer.id);
    return customer;
  };

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
    const before = known.get(row.externalId) ?? adoptedBy(wanted);
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
        matchKey: suggestionKey(w.kind, w.value),
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
      externalId: row.externalId,
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
    updates.push({
      id,
      ext: row.externalId,
      name: next.name,
      lang: next.preferredLanguage,
      since: next.customerSince,
    });
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
      update ${customers} set external_id = u.ext, name = u.name, preferred_language = u.lang,
        customer_since = u.since::date, updated_at = ${now}
      from json_to_recordset(${JSON.stringify(updates)}::json)
        as u(id uuid, ext text, name text, lang text, since text)
      where ${and(eq(customers.workspaceId, p.workspaceId))} and ${customers.id} = u.id`);
  }
  await insertRows(tx, customerIdentities, identities);
  await uow.recordAll(events);
  return outcomes;
}
