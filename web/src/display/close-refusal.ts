// Whether a failed change of a conversation is the server refusing a close without a human answer
// (then the screen asks for a close reason) or any other refusal, shown as it is; and that refusal
// told in the advisor's language, naming the status asked for.
import type { TFunction } from "i18next";
import { ApiProblem } from "../api/client.ts";
import type { ConversationChange, ConversationStatus } from "../api/types.ts";

export type CloseRefusal = { status: ConversationStatus };

/** The problem code of "resolved or closed without a human answer or a reason" (CONTRACT §6). */
export const CLOSE_WITHOUT_ANSWER = "close_without_answer";

export function closeRefusalOf(error: unknown, requested: ConversationChange): CloseRefusal | null {
  if (!(error instanceof ApiProblem) || error.code !== CLOSE_WITHOUT_ANSWER) return null;
  if (requested.status === undefined || requested.close_reason !== undefined) return null;
  return { status: requested.status };
}

export function closeRefusalText(t: TFunction, refusal: CloseRefusal): string {
  return t("problems.close_without_answer", { status: t(`status.${refusal.status}`) });
}
