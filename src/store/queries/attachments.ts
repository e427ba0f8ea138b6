// Attachments read by id (a download, a preview) or by message (the mail that carries them).
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../database.ts";
import { attachments } from "../schema/index.ts";
import { inWorkspace } from "./workspace-scope.ts";

export async function attachmentOf(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(inWorkspace(attachments, workspaceId, eq(attachments.id, id)));
  return row ?? null;
}

export function attachmentsOfMessage(db: Tx, workspaceId: string, messageId: string) {
  return db
    .select()
    .from(attachments)
    .where(inWorkspace(attachments, workspaceId, eq(attachments.messageId, messageId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}
