// Undoes a merge: what moved goes back to the merged customer, and so does what reached the survivor
// since through an identity that came from the merged customer (a new conversation from its
// address, the messages sent from it); the merged profile answers for itself again. Once only.
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { inWorkspace } from "../../store/queries/workspace-scope.ts";
import {
  conversations,
  customerMerges,
  customers,
  events,
  messages,
} from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { customerReferences, moveReferences, referenceName } from "./customer-references.ts";
import { lockCustomers, lockMerge } from "./merge-customers.ts";

export type UndoResult = { mergeId: string; customerId: string; otherId: string };

/**
 * What reached the survivor after the merge through the merged customer's identities: the
 * conversations opened since by a message through one of them, and the messages sent through them.
 */
async function arrivedSince(
  tx: Tx,
  workspaceId: string,
  survivorId: string,
  since: Date,
  identityIds: readonly string[],
) {
  if (identityIds.length === 0) return { conversationIds: [], messageIds: [] };
  const sent = await tx
    .select({ id: messages.id, conversationId: messages.conversationId })
    .from(messages)
    .where(
      inWorkspace(
        messages,
        workspaceId,
        eq(messages.authorCustomerId, survivorId),
        gte(messages.createdAt, since),
        inArray(messages.authorIdentityId, [...identityIds]),
      ),
    );
  if (sent.length === 0) return { conversationIds: [], messageIds: [] };
  // A conversation goes back when it was opened since the merge by one of those messages: its
  // first customer message came through the merged customer's identity.
  const opened = await tx.execute<{ id: string }>(sql`
    select c.id from ${conversations} c
    where c.workspace_id = ${workspaceId} and c.customer_id = ${survivorId}
      and c.created_at >= ${since}
      and c.id in (select jsonb_array_elements_text(${JSON.stringify([...new Set(sent.map((m) => m.conversationId))])}::jsonb)::uuid)
      and (select m.author_identity_id from ${messages} m
           where m.workspace_id = c.workspace_id and m.conversation_id = c.id
             and m.direction = 'inbound'
           order by m.created_at, m.id limit 1)
          in (select jsonb_array_elements_text(${JSON.stringify(identityIds)}::jsonb)::uuid)`);
  return { conversationIds: opened.rows.map((r) => r.id), messageIds: sent.map((m) => m.id) };
}

export async function undoMerge(
  uow: UnitOfWork,
  p: Principal,
  input: { mergeId: string },
): Promise<UndoResult> {
  const merge = await lockMerge(uow.tx, p.workspaceId, input.mergeId);
  if (merge.undoneAt) throw new DeskError("merge_already_undone", "this merge was already undone");
  const { customerId, otherId } = merge;
  const locked = await lockCustomers(uow.tx, p.workspaceId, [customerId, otherId]);
  const survivor = locked.get(customerId);
  const other = locked.get(otherId);
  if (!survivor || !other) throw new DeskError("not_found", "no such customer");
  if (survivor.mergedIntoId) {
    throw new DeskError(
      "merge_not_undoable",
      `the customer ${customerId} was merged into ${survivor.mergedIntoId} since: undo that first`,
      { merged_into: survivor.mergedIntoId },
    );
  }
  if (other.erasedAt || survivor.erasedAt) {
    throw new DeskError("conflict", "one of these customers was erased since");
  }
  const identityIds = merge.moved["customer_identities.customer_id"] ?? [];
  const since = await arrivedSince(uow.tx, p.workspaceId, customerId, merge.createdAt, identityIds);
  const back: Record<string, number> = {};
  for (const ref of customerReferences) {
    const name = referenceName(ref);
    const ids = [...(merge.moved[name] ?? [])];
    if (ref.table === conversations) ids.push(...since.conversationIds);
    if (ref.table === messages) ids.push(...since.messageIds);
    let moved = await moveReferences(uow.tx, p.workspaceId, ref, customerId, otherId, ids);
    if (ref.table === events && since.conversationIds.length > 0) {
      // The events of the conversations that go back, written since the merge.
      moved = moved.concat(
        await moveReferences(
          uow.tx,
          p.workspaceId,
          ref,
          customerId,
          otherId,
          undefined,
          and(
            gte(events.createdAt, merge.createdAt),
            inArray(events.conversationId, since.conversationIds),
          ),
        ),
      );
    }
    back[name] = moved.length;
  }
  await uow.tx
    .update(customers)
    .set({ mergedIntoId: null, updatedAt: uow.now })
    .where(and(eq(customers.workspaceId, p.workspaceId), eq(customers.id, otherId)));
  await uow.tx
    .update(customerMerges)
    .set({ undoneAt: uow.now, undoneByKind: p.actor.kind, undoneById: p.actor.id })
    .where(and(eq(customerMerges.workspaceId, p.workspaceId), eq(customerMerges.id, merge.id)));
  const data = {
    merge_id: merge.id,
    customer_id: customerId,
    customer_name: survivor.name,
    other_id: otherId,
    other_name: other.name,
    moved: back,
  };
  await uow.recordAll(
    [customerId, otherId].map((id) => ({
      type: "customer.merge_undone" as const,
      customerId: id,
      before: { merged_into_id: customerId },
      after: { merged_into_id: null },
      data,
    })),
  );
  return { mergeId: merge.id, customerId, otherId };
}
