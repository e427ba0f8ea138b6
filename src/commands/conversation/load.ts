// Loads a conversation of the principal's workspace for a change (row-locked), or fails with 404.
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { conversations } from "../../store/schema/index.ts";

export async function lockConversation(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)))
    .for("update");
  if (!row) throw new DeskError("not_found", "no such conversation");
  return row;
}
