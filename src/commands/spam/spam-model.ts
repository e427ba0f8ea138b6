// Reads and updates a workspace's spam model (learnt only from its advisors' marks).
import { eq } from "drizzle-orm";
import {
  type BayesModel,
  emptyModel,
  isBayesModel,
  type SpamMark,
} from "../../domain/mail/bayes.ts";
import type { Tx } from "../../store/database.ts";
import { spamModels } from "../../store/schema/index.ts";

/** The flag a message carries once the model learnt it, so that it is learnt once and can be unlearnt. */
export const markFlag: Record<SpamMark, string> = {
  spam: "marked_spam",
  not_spam: "marked_not_spam",
};

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
  cache.delete(workspaceId);
  await tx
    .insert(spamModels)
    .values({ workspaceId, model, updatedAt: now })
    .onConflictDoUpdate({ target: spamModels.workspaceId, set: { model, updatedAt: now } });
}

// Classifying reads the model for every mail; it changes only when an advisor marks one, so a
// node keeps it a few seconds (and forgets it at once when the mark is made here).
const cache = new Map<string, { model: BayesModel; at: number }>();
const keptMs = 10_000;

export async function cachedSpamModel(tx: Tx, workspaceId: string): Promise<BayesModel> {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < keptMs) return hit.model;
  const model = await spamModelOf(tx, workspaceId);
  cache.set(workspaceId, { model, at: Date.now() });
  return model;
}
