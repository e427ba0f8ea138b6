// The one mapping from errors to RFC 9457 problem documents; unexpected errors are logged once, with context.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DeskError, type ErrorCode, errorCatalog, problemType } from "../../errors.ts";
import type { App } from "../app-type.ts";
import { fieldProblemsOf } from "./field-problem.ts";
import { secureAnswer } from "./security-headers.ts";

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  extra?: Record<string, unknown>,
): FastifyReply {
  const { status, title } = errorCatalog[code];
  return reply
    .code(status)
    .type("application/problem+json")
    .send({ type: problemType(code), title, status, detail: detail ?? title, code, ...extra });
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_input",
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_input",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "invalid_input",
  FST_ERR_VALIDATION: "invalid_input",
};

export function registerProblems(app: App): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DeskError)
      return sendProblem(reply, error.code, error.detail, error.extra);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const parts: Record<string, unknown> = {
        body: request.body,
        querystring: request.query,
        params: request.params,
        headers: request.headers,
      };
      const errors = fieldProblemsOf(where, error.validation, parts[where]);
      const first = errors[0];
      const detail = first ? `${first.where} ${first.path}: ${first.message}` : undefined;
      return sendProblem(reply, "invalid_input", detail, { errors });
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, "rate_limited", error.message);
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendProblem(reply, mapped, error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, "invalid_input", error.message);
    }
    request.log.error({ err: error }, "unexpected error");
    // Coded like every other problem, so that a client can say it in its own language.
    return sendProblem(
      reply,
      "internal_error",
      "Something went wrong on our side; it has been logged.",
    );
  });
}

/**
 * The router's own refusals (a path that is not valid percent-encoding, a path parameter over its
 * maximum length) answer a problem document like every other error.
 */
export function answerRouterError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const detail =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "a part of the path is too long"
      : "the path is not valid percent-encoded UTF-8";
  return sendProblem(secureAnswer(reply), "invalid_input", detail);
}
