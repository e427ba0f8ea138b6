// The problem codes the console has words for (src/errors.ts names them all): a refusal is told in
// the advisor's language from its code; only a code unknown here falls back to the server's text.
import type { TFunction } from "i18next";
import type { ApiProblem, FieldProblem } from "../api/client.ts";
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

/** What was wrong with one field of an invalid input (src/errors.ts `fieldProblemCodes`). */
export const FIELD_PROBLEM_CODES = [
  "required",
  "too_long",
  "too_short",
  "too_many",
  "too_few",
  "too_large",
  "too_small",
  "invalid_format",
  "invalid_choice",
  "invalid_type",
  "invalid_characters",
  "unknown_field",
  "invalid",
] as const;

/** The calendar rules' own codes (src/domain/sla/calendar.ts), worded with the settings. */
const CALENDAR_PROBLEM_CODES = [
  "invalid_time_zone",
  "invalid_time",
  "empty_range",
  "overlapping_ranges",
  "no_open_hours",
  "invalid_holiday",
] as const;

/** One field's problem in the advisor's language; the API's English only for a code unknown here. */
export function fieldProblemText(t: TFunction, problem: FieldProblem): string {
  const code = problem.code;
  if (code === null) return problem.message;
  if (oneOf(CALENDAR_PROBLEM_CODES, code)) return t(`settings.problem.${code}`);
  if (!oneOf(FIELD_PROBLEM_CODES, code)) return problem.message;
  const limit = problem.limit ?? undefined;
  return t(`problems.field.${code}`, { count: limit, limit: limit ?? "" });
}

/** "/important_dates/1/kind" → "important_dates › 2 › kind": where the problem is, for a person. */
function fieldName(path: string): string {
  return path
    .split("/")
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part))
    .join(" › ");
}

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
    case "invalid_input": {
      // Each field's problem, in the advisor's language, rather than a bare "not accepted".
      const fields = problem.errors.map((e) => {
        const where = fieldName(e.path);
        return where ? `${where}: ${fieldProblemText(t, e)}` : fieldProblemText(t, e);
      });
      return fields.length > 0
        ? t("problems.invalid_fields", { fields: fields.join("; ") })
        : t("problems.invalid_input");
    }
    case "close_without_answer":
      // Without the status asked for (see close-refusal.ts), the rule itself says enough.
      return t("conversation.close.explain");
    default:
      return t(`problems.${code}`);
  }
}
