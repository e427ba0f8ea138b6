// What a log line may say about a request or an error: never a query string (it can hold an email
// address), never a failed query's parameters or a database error's detail (they can hold bodies).
import { pino } from "pino";

type RequestLike = { id?: unknown; method?: string; url?: string };

export function requestSerializer(req: RequestLike) {
  return { id: req.id, method: req.method, url: req.url?.split("?")[0] };
}

type ErrorLike = Error & {
  query?: string;
  params?: unknown;
  cause?: unknown;
  detail?: unknown;
  code?: unknown;
};

export function errorSerializer(error: ErrorLike) {
  if (!(error instanceof Error)) return pino.stdSerializers.err(error as Error);
  const cause = error.cause as { code?: unknown; message?: string } | undefined;
  if (typeof error.query === "string") {
    // Drizzle's failed query: keep the SQL, drop the values.
    return {
      type: error.name,
      message: `failed query: ${error.query}`,
      code: cause?.code,
      cause: cause?.message,
      // The stack's first line repeats the message, values included: keep only the frames.
      stack: error.stack?.split("\n").slice(1).join("\n"),
    };
  }
  const {
    detail: _detail,
    params: _params,
    ...rest
  } = pino.stdSerializers.err(error) as Record<string, unknown>;
  return rest;
}
