// The one catalog of expected errors: each has a code, an HTTP status and a problem `type` (RFC 9457).

export const errorCatalog = {
  invalid_input: { status: 400, title: "The request is not valid" },
  invalid_cursor: { status: 400, title: "The cursor is not valid" },
  unauthenticated: { status: 401, title: "Authentication is required" },
  bad_credentials: { status: 401, title: "The email or password is wrong" },
  forbidden: { status: 403, title: "Your role does not allow this" },
  csrf_failed: { status: 403, title: "The CSRF token is missing or wrong" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "This conflicts with the current state" },
  close_without_answer: {
    status: 409,
    title: "A conversation cannot be resolved or closed without a human answer or a reason",
  },
  invalid_transition: { status: 409, title: "This status change is not allowed" },
  customer_already_merged: {
    status: 409,
    title: "This customer was merged into another one: work on that one",
  },
  merge_already_undone: { status: 409, title: "This merge was already undone" },
  merge_not_undoable: {
    status: 409,
    title: "The surviving customer was merged again since: undo that merge first",
  },
  payload_too_large: { status: 413, title: "The request is too large" },
  unsupported_media_type: { status: 415, title: "Send JSON (application/json)" },
  not_previewable: { status: 415, title: "This file cannot be shown inline: download it" },
  idempotency_key_reused: {
    status: 422,
    title: "This Idempotency-Key was already used with another request",
  },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Something went wrong on our side" },
  not_ready: { status: 503, title: "Rapport is starting" },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export const problemType = (code: ErrorCode): string => `urn:rapport:problem:${code}`;

/** An expected failure: mapped to its status and problem document in one place (http/problems.ts). */
export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, detail?: string, extra?: Record<string, unknown>) {
    super(detail ?? errorCatalog[code].title);
    this.name = "DeskError";
    this.code = code;
    this.detail = detail;
    this.extra = extra;
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }
}

/**
 * What was wrong with one field of an `invalid_input` problem (its `errors[].code`), so that a
 * client says it in its own language; rules with their own words (a calendar's) add their codes.
 */
export const fieldProblemCodes = [
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

export type FieldProblemCode = (typeof fieldProblemCodes)[number];
