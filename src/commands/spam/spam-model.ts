// Reads and updates a workspace's spam model (learnt only from its advisors' marks).
import { eq } from "drizzle-orm";
import { type BayesModel, emptyModel, isBayesModel } from "../../domain/mail/bayes.ts";
import type { Tx } from "../../store/database.ts";
import { spamModels } from "../../store/schema/index.ts";

export async function spamModelOf(
  tx: Tx,
  workspaceId: string,
  forUpdate = false,
): Promise<BayesModel> {
  const query = tx.select().from(spamModels).where(eq(spamModels.workspaceId, workspaceId));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row && isBayesModel(row.model) ? row.model : emptyModel();
}

export async function saveSpamModel(
  tx: Tx,
  workspaceId: string,
  model: BayesModel,
  now: Date,
): Promise<void> {
  await tx
    .insert(spamModels)
    .values({ workspaceId, model, updatedAt: now })
    .onConflictDoUpdate({ target: spamModels.workspaceId, set: { model, updatedAt: now } });
}
