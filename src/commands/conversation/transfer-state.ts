// What the transfer use cases share: the pending transfer of a conversation, the person it goes to,
// and the verdict of a rule turned into the desk's error.
import { and, eq } from "drizzle-orm";
import type { Verdict } from "../../domain/conversation/transfer.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { conversationTransfers, users } from "../../store/schema/index.ts";

export type Transfer = typeof conversationTransfers.$inferSelect;

export function enforce(verdict: Verdict): void {
  if (!verdict.ok) throw new DeskError(verdict.code, verdict.message);
}

/** The conversation's pending transfer, row-locked (its conversation is locked first, always). */
export async function lockPendingTransfer(tx: Tx, workspaceId: string, conversationId: string) {
  const [row] = await tx
    .select()
    .from(conversationTransfers)
    .where(
      and(
        eq(conversationTransfers.workspaceId, workspaceId),
        eq(conversationTransfers.conversationId, conversationId),
        eq(conversationTransfers.status, "pending"),
      ),
    )
    .for("update");
  return row ?? null;
}

export async function userOf(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  return row ?? null;
}
