// The one way the console talks to the API: same-origin JSON with the session cookie, the CSRF header
// on writes, and RFC 9457 problem documents turned into typed errors.

export type ProblemKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "server"
  | "network";

const KIND_BY_STATUS: Record<number, ProblemKind> = {
  400: "invalid",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "too_large",
  422: "invalid",
  429: "rate_limited",
};

/**
 * One problem of an invalid input as the API lists it: its `code` (`required`, `too_long`…, see
 * display/problem-code.ts) and, for a bound crossed, its `limit`.
 */
export type FieldProblem = {
  path: string;
  message: string;
  code: string | null;
  limit?: number | null;
};

/** An expected failure of an API call, carrying what the server said about it. */
export class ApiProblem extends Error {
  readonly kind: ProblemKind;
  readonly status: number;
  readonly type: string;
  /**
   * The problem's own code (`close_without_answer`, `invalid_transition`…), finer than the status:
   * two 409s may ask for different answers.
   */
  readonly code: string | null;
  readonly title: string;
  readonly detail: string | null;
  /** Seconds to wait, from `Retry-After`, when rate-limited. */
  readonly retryAfter: number | null;
  /** Each problem found in the input (400), at its path in the request, e.g. `/name`. */
  readonly errors: FieldProblem[];

  constructor(init: {
    status: number;
    type?: string;
    code?: string | null;
    title?: string;
    detail?: string | null;
    retryAfter?: number | null;
    errors?: FieldProblem[];
  }) {
    super(init.detail ?? init.title ?? `HTTP ${init.status}`);
    this.name = "ApiProblem";
    this.status = init.status;
    this.kind =
      init.status === 0
        ? "network"
        : (KIND_BY_STATUS[init.status] ?? (init.status >= 500 ? "server" : "invalid"));
    this.type = init.type ?? "about:blank";
    this.code = init.code ?? null;
    this.title = init.title ?? "";
    this.detail = init.detail ?? null;
    this.retryAfter = init.retryAfter ?? null;
    this.errors = init.errors ?? [];
  }
}

let csrfToken: string | null = null;
const sessionLostListeners = new Set<() => void>();

/** Set from `GET /me`; sent as `X-CSRF-Token` on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated call answers 401: the session expired or was revoked elsewhere. */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type RequestOptions = {
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 on this call is an answer (sign-in, /me), not a lost session. */
  expectUnauthorized?: boolean;
  /** Further headers, such as `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** Sent even as the page goes away (leaving a conversation). */
  keepalive?: boolean;
};

export async function api<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiProblem({ status: 0, title: "Network error", detail: null });
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (problem.status === 401 && !options.expectUnauthorized) {
      for (const listener of sessionLostListeners) listener();
    }
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

async function readProblem(response: Response): Promise<ApiProblem> {
  const retryAfterHeader = response.headers.get("Retry-After");
  const retryAfter = retryAfterHeader === null ? null : parseRetryAfter(retryAfterHeader);
  let document: {
    type?: unknown;
    code?: unknown;
    title?: unknown;
    detail?: unknown;
    errors?: unknown;
  } = {};
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === "object") document = parsed;
  } catch {
    // A proxy or a crash may answer without a problem document; the status still says enough.
  }
  return new ApiProblem({
    status: response.status,
    type: typeof document.type === "string" ? document.type : undefined,
    code: typeof document.code === "string" ? document.code : null,
    title: typeof document.title === "string" ? document.title : response.statusText,
    detail: typeof document.detail === "string" ? document.detail : null,
    retryAfter,
    errors: fieldProblems(document.errors),
  });
}

function fieldProblems(errors: unknown): FieldProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap(
    (e: { path?: unknown; message?: unknown; code?: unknown; limit?: unknown } | null) =>
      e && typeof e.message === "string"
        ? [
            {
              path: typeof e.path === "string" ? e.path : "/",
              message: e.message,
              code: typeof e.code === "string" ? e.code : null,
              limit: typeof e.limit === "number" ? e.limit : null,
            },
          ]
        : [],
  );
}

function parseRetryAfter(value: string): number | null {
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds a query string from defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}
