// Who holds a batch's sender identities, settled against merges: the owners read, their rows locked
// FOR KEY SHARE in id order (a merge or its undo locks them FOR UPDATE, so neither can start until
// the batch commits, nor is one still running), then read again. A merge or undo that committed
// between the first read and the lock shows in the second read as an owner not locked or merged:
// the batch is stored again, and then reads the survivor. Three statements whatever the batch's size.
import { and, eq, inArray, or } from "drizzle-orm";
import type { Tx } from "../store/database.ts";
import { inWorkspace } from "../store/queries/workspace-scope.ts";
import { customerIdentities, customers } from "../store/schema/index.ts";
import { RetryBatch } from "./retry-batch.ts";

export type IdentityKey = { kind: "email" | "phone" | "chat" | "social"; value: string };

export type Owned = {
  identityId: string;
  kind: string;
  value: string;
  customerId: string;
  name: string;
  organisationId: string | null;
  mergedIntoId: string | null;
};

function readOwners(tx: Tx, workspaceId: string, keys: IdentityKey[]): Promise<Owned[]> {
  return tx
    .select({
      identityId: customerIdentities.id,
      kind: customerIdentities.kind,
      value: customerIdentities.value,
      customerId: customerIdentities.customerId,
      name: customers.name,
      organisationId: customers.organisationId,
      mergedIntoId: customers.mergedIntoId,
    })
    .from(customerIdentities)
    .innerJoin(
      customers,
      and(
        eq(customers.workspaceId, customerIdentities.workspaceId),
        eq(customers.id, customerIdentities.customerId),
      ),
    )
    .where(
      inWorkspace(
        customerIdentities,
        workspaceId,
        or(
          ...keys.map((k) =>
            and(eq(customerIdentities.kind, k.kind), eq(customerIdentities.value, k.value)),
          ),
        ),
      ),
    );
}

/**
 * The identities among `keys` that exist, each with its customer, that customer's row locked until
 * the batch commits. RetryBatch when a merge or its undo moved one of them meanwhile.
 */
export async function settledOwners(
  tx: Tx,
  workspaceId: string,
  keys: IdentityKey[],
): Promise<Owned[]> {
  if (keys.length === 0) return [];
  const first = await readOwners(tx, workspaceId, keys);
  if (first.length === 0) return [];
  // The lock mode a foreign key takes: it waits only for FOR UPDATE (a merge, an undo, an erasure),
  // never for a profile change, nor for another batch.
  const locked = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(
      inWorkspace(
        customers,
        workspaceId,
        inArray(customers.id, [...new Set(first.map((o) => o.customerId))]),
      ),
    )
    .orderBy(customers.id)
    .for("key share");
  const held = new Set(locked.map((l) => l.id));
  const settled = await readOwners(tx, workspaceId, keys);
  if (settled.some((o) => !held.has(o.customerId) || o.mergedIntoId !== null)) {
    throw new RetryBatch("a sender's customer (merged or restored meanwhile)");
  }
  return settled;
}
