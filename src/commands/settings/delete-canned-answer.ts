// Deletes a canned answer: it is only a template, nothing refers to it, and the event keeps what
// it said for the audit trail.
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { cannedAnswers } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { requireSettingsRole } from "./guards.ts";

export async function deleteCannedAnswer(uow: UnitOfWork, p: Principal, { id }: { id: string }) {
  requireSettingsRole(p);
  const ws = and(eq(cannedAnswers.workspaceId, p.workspaceId), eq(cannedAnswers.id, id));
  const [gone] = await uow.tx.delete(cannedAnswers).where(ws).returning();
  if (!gone) throw new DeskError("not_found", "no such canned answer");
  await uow.record({
    type: "canned_answer.deleted",
    data: { canned_answer_id: id },
    before: { title: gone.title, language: gone.language, brand_id: gone.brandId, body: gone.body },
    after: null,
  });
}
