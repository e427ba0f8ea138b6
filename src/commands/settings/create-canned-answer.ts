// Creates a canned answer: a reusable reply with variables, in one language, for all brands or one.
import type { Language } from "../../domain/language.ts";
import { cannedAnswers } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { snapshotOf } from "./changes.ts";
import { referencedBrand, requireSettingsRole } from "./guards.ts";

export type CannedAnswerFields = {
  title: string;
  language: Language;
  brandId: string | null;
  body: string;
};

export const cannedAnswerFields = ["title", "language", "brandId", "body"] as const;

export async function createCannedAnswer(
  uow: UnitOfWork,
  p: Principal,
  input: Pick<CannedAnswerFields, "title" | "body"> & Partial<CannedAnswerFields>,
) {
  requireSettingsRole(p);
  const { tx, now } = uow;
  if (input.brandId) await referencedBrand(tx, p.workspaceId, input.brandId, "brand_id");
  const [answer] = await tx
    .insert(cannedAnswers)
    .values({
      workspaceId: p.workspaceId,
      id: uow.newId(),
      title: input.title,
      language: input.language ?? "en",
      brandId: input.brandId ?? null,
      body: input.body,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!answer) throw new Error("insert returned no canned answer");
  await uow.record({
    type: "canned_answer.created",
    after: { id: answer.id, ...snapshotOf(answer, cannedAnswerFields) },
  });
  return answer;
}
