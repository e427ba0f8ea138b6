// What a log line may say about a request or an error: never a query string (it can hold an email
// address), never a failed query's parameters or a database error's detail (they can hold bodies,
// emails, password hashes), wherever in an error's chain of causes the failed query sits.
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

/** A stack's frames alone: the lines before them repeat the message, values included. */
const framesOf = (stack: string | undefined) =>
  stack
    ?.split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");

/** How many causes deep a chain is followed. */
const deepest = 5;

export function errorSerializer(error: ErrorLike, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return pino.stdSerializers.err(error as Error);
  const cause =
    error.cause instanceof Error && depth < deepest
      ? errorSerializer(error.cause as ErrorLike, depth + 1)
      : undefined;
  if (typeof error.query === "string") {
    // Drizzle's failed query: keep the SQL, drop the values (its message's second line lists them).
    const dbError = error.cause as { code?: unknown; message?: string } | undefined;
    return {
      type: error.name,
      message: `failed query: ${error.query}`,
      code: dbError?.code,
      cause: dbError?.message,
      stack: framesOf(error.stack),
    };
  }
  // pino's own serializer folds the causes' messages and stacks into this one's: rebuilt here from
  // the error's own, each cause serialized by these rules.
  const {
    detail: _detail,
    params: _params,
    cause: _cause,
    ...rest
  } = pino.stdSerializers.err(error) as Record<string, unknown>;
  return {
    ...rest,
    message: error.message,
    stack: error.stack,
    ...(cause ? { cause } : {}),
  };
}
