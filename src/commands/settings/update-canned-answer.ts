// Changes a canned answer's title, language, brand or text.
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { cannedAnswers } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { changesBetween, presentFields } from "./changes.ts";
import { type CannedAnswerFields, cannedAnswerFields } from "./create-canned-answer.ts";
import { referencedBrand, requireSettingsRole } from "./guards.ts";

export async function updateCannedAnswer(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: Partial<CannedAnswerFields> },
) {
  requireSettingsRole(p);
  const { tx, now } = uow;
  const ws = and(eq(cannedAnswers.workspaceId, p.workspaceId), eq(cannedAnswers.id, id));
  const [before] = await tx.select().from(cannedAnswers).where(ws).for("update");
  if (!before) throw new DeskError("not_found", "no such canned answer");
  if (patch.brandId) await referencedBrand(tx, p.workspaceId, patch.brandId, "brand_id");
  const next = { ...before, ...presentFields(patch) };
  const changes = changesBetween(before, next, cannedAnswerFields);
  if (!changes) return before;
  const [after] = await tx
    .update(cannedAnswers)
    .set({
      title: next.title,
      language: next.language,
      brandId: next.brandId,
      body: next.body,
      updatedAt: now,
    })
    .where(ws)
    .returning();
  if (!after) throw new Error("the canned answer vanished");
  await uow.record({
    type: "canned_answer.updated",
    data: { canned_answer_id: id },
    ...changes,
  });
  return after;
}
