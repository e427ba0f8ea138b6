// Each problem of an invalid input as a coded field problem (`required`, `too_long`…), so that a
// client says it in its own language; the English message stays for a reader of the raw document.
import type { FieldProblemCode } from "../../errors.ts";

/** One field problem of an `invalid_input` problem document. */
export type FieldProblem = {
  where: string;
  path: string;
  message: string;
  code: FieldProblemCode;
  /** The bound that was crossed: a length, a count or a value. */
  limit?: number;
};

/** What fastify-type-provider-zod reports of one Zod issue. */
export type ValidationIssue = {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
};

const segmentsOf = (path: string) => path.split("/").filter((s) => s !== "");

/** The value at `path` ("/a/0/b") in what was sent, `undefined` when there is none. */
export function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const segment of segmentsOf(path)) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

const bounds: Record<string, { too_big: FieldProblemCode; too_small: FieldProblemCode }> = {
  string: { too_big: "too_long", too_small: "too_short" },
  array: { too_big: "too_many", too_small: "too_few" },
  set: { too_big: "too_many", too_small: "too_few" },
};

function codeOf(issue: ValidationIssue, sent: unknown): FieldProblemCode {
  const { keyword, params } = issue;
  switch (keyword) {
    case "invalid_type":
      return sent === undefined || sent === null ? "required" : "invalid_type";
    case "too_big":
    case "too_small": {
      // A blank where text is needed reads as "required", not "too short (1)".
      if (keyword === "too_small" && params.origin === "string" && Number(params.minimum) <= 1)
        return "required";
      const named = bounds[String(params.origin)];
      if (named) return named[keyword];
      return keyword === "too_big" ? "too_large" : "too_small";
    }
    case "invalid_format":
      return "invalid_format";
    case "invalid_value":
      return "invalid_choice";
    default:
      return "invalid";
  }
}

/** The field problems of a schema's refusal of `data` (the body, query, params or headers). */
export function fieldProblemsOf(
  where: string,
  issues: ValidationIssue[],
  data: unknown,
): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    const path = issue.instancePath || "/";
    if (issue.keyword === "unrecognized_keys" && Array.isArray(issue.params.keys))
      return issue.params.keys.map((key) => ({
        where,
        path: `${path === "/" ? "" : path}/${String(key)}`,
        message: issue.message ?? "",
        code: "unknown_field",
      }));
    const code = codeOf(issue, valueAt(data, path));
    const bound = issue.keyword === "too_big" ? issue.params.maximum : issue.params.minimum;
    const limit =
      code !== "required" && typeof bound === "number" && Number.isFinite(bound)
        ? { limit: bound }
        : {};
    return [{ where, path, message: issue.message ?? "", code, ...limit }];
  });
}
