// Changes a canned answer's title, language, brand or text.
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { cannedAnswers } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { recordEvent } from "../events/record-event.ts";
import { changesBetween, presentFields } from "./changes.ts";
import { type CannedAnswerFields, cannedAnswerFields } from "./create-canned-answer.ts";
import { referencedBrand, requireSettingsRole } from "./guards.ts";

export async function updateCannedAnswer(
  rt: Runtime,
  p: Principal,
  id: string,
  patch: Partial<CannedAnswerFields>,
) {
  requireSettingsRole(p);
  return rt.db.transaction(async (tx) => {
    const now = rt.now();
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
    await recordEvent(tx, {
      workspaceId: p.workspaceId,
      id: rt.newId(),
      at: now,
      type: "canned_answer.updated",
      actor: p.actor,
      data: { canned_answer_id: id },
      ...changes,
    });
    return after;
  });
}
