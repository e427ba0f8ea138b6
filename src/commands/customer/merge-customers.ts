// Merges the customer `otherId` into `customerId`: every row that belongs to `other` (the list in
// customer-references.ts) now names the survivor, `other.merged_into_id` points at it, and the
// merge records the ids it moved so that its undo is exact. A `customer.merged` event on both.
import { and, eq, inArray } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { inWorkspace } from "../../store/queries/workspace-scope.ts";
import { customerMerges, customers, type MovedRows } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { customerReferences, moveReferences, referenceName } from "./customer-references.ts";

export type MergeInput = { customerId: string; otherId: string };
export type MergeResult = {
  mergeId: string;
  customerId: string;
  otherId: string;
  moved: MovedRows;
};

type Locked = { id: string; name: string; mergedIntoId: string | null; erasedAt: Date | null };

/**
 * Both customers' rows, locked in the order of their ids whoever asks: two merges that share a
 * customer (A←B with B←C, or A←B with C←B) wait for each other instead of crossing.
 */
export async function lockCustomers(
  tx: Tx,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, Locked>> {
  const rows = await tx
    .select({
      id: customers.id,
      name: customers.name,
      mergedIntoId: customers.mergedIntoId,
      erasedAt: customers.erasedAt,
    })
    .from(customers)
    .where(inWorkspace(customers, workspaceId, inArray(customers.id, [...ids])))
    .orderBy(customers.id)
    .for("update");
  return new Map(rows.map((r) => [r.id, r]));
}

export async function mergeCustomers(
  uow: UnitOfWork,
  p: Principal,
  input: MergeInput,
): Promise<MergeResult> {
  const { customerId, otherId } = input;
  if (customerId === otherId) {
    throw new DeskError("invalid_input", "other_id: a customer cannot be merged into itself");
  }
  const locked = await lockCustomers(uow.tx, p.workspaceId, [customerId, otherId]);
  const survivor = locked.get(customerId);
  const other = locked.get(otherId);
  if (!survivor) throw new DeskError("not_found", "no such customer");
  if (!other) throw new DeskError("not_found", "other_id: no such customer");
  for (const c of [survivor, other]) {
    if (c.mergedIntoId) {
      throw new DeskError(
        "customer_already_merged",
        `the customer ${c.id} was merged into ${c.mergedIntoId}: merge into that one`,
        { customer_id: c.id, merged_into: c.mergedIntoId },
      );
    }
    if (c.erasedAt) throw new DeskError("conflict", `the customer ${c.id} was erased`);
  }
  const moved: MovedRows = {};
  for (const ref of customerReferences) {
    moved[referenceName(ref)] = await moveReferences(
      uow.tx,
      p.workspaceId,
      ref,
      otherId,
      customerId,
    );
  }
  await uow.tx
    .update(customers)
    .set({ mergedIntoId: customerId, updatedAt: uow.now })
    .where(and(eq(customers.workspaceId, p.workspaceId), eq(customers.id, otherId)));
  const mergeId = uow.newId();
  await uow.tx.insert(customerMerges).values({
    workspaceId: p.workspaceId,
    id: mergeId,
    customerId,
    otherId,
    actorKind: p.actor.kind,
    actorId: p.actor.id,
    moved,
    createdAt: uow.now,
  });
  const counts = Object.fromEntries(Object.entries(moved).map(([k, ids]) => [k, ids.length]));
  const data = {
    merge_id: mergeId,
    customer_id: customerId,
    customer_name: survivor.name,
    other_id: otherId,
    other_name: other.name,
    moved: counts,
  };
  await uow.recordAll([
    {
      type: "customer.merged",
      customerId,
      before: { merged_into_id: null },
      after: { merged_into_id: customerId },
      data,
    },
    {
      type: "customer.merged",
      customerId: otherId,
      before: { merged_into_id: null },
      after: { merged_into_id: customerId },
      data,
    },
  ]);
  return { mergeId, customerId, otherId, moved };
}

/** Used by the undo: the merge row, locked, or a 404. */
export async function lockMerge(tx: Tx, workspaceId: string, id: string) {
  const [merge] = await tx
    .select()
    .from(customerMerges)
    .where(inWorkspace(customerMerges, workspaceId, eq(customerMerges.id, id)))
    .for("update");
  if (!merge) throw new DeskError("not_found", "no such merge");
  return merge;
}
