// The problem codes the console has words for (src/errors.ts names them all): a refusal is told in
// the advisor's language from its code; only a code unknown here falls back to the server's text.
import type { TFunction } from "i18next";
import type { ApiProblem } from "../api/client.ts";
import { oneOf } from "./one-of.ts";

export const PROBLEM_CODES = [
  "invalid_input",
  "invalid_cursor",
  "unauthenticated",
  "bad_credentials",
  "forbidden",
  "csrf_failed",
  "not_found",
  "conflict",
  "close_without_answer",
  "invalid_transition",
  "payload_too_large",
  "unsupported_media_type",
  "not_previewable",
  "idempotency_key_reused",
  "rate_limited",
  "internal_error",
  "not_ready",
  "customer_already_merged",
  "merge_already_undone",
  "merge_not_undoable",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export function problemCodeOf(problem: ApiProblem): ProblemCode | null {
  return problem.code !== null && oneOf(PROBLEM_CODES, problem.code) ? problem.code : null;
}

/** The advisor's words for a coded refusal; `null` when the console does not know the code. */
export function codedProblemText(t: TFunction, problem: ApiProblem): string | null {
  const code = problemCodeOf(problem);
  switch (code) {
    case null:
      return null;
    case "rate_limited":
      return problem.retryAfter === null
        ? t("problems.rate_limited_later")
        : t("problems.rate_limited", { count: Math.max(1, problem.retryAfter) });
    case "close_without_answer":
      // Without the status asked for (see close-refusal.ts), the rule itself says enough.
      return t("conversation.close.explain");
    default:
      return t(`problems.${code}`);
  }
}
