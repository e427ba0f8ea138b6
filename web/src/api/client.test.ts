import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiProblem, api } from "./client.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The network answers this, once: the client is tested on what it makes of real Response objects. */
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    "fetch",
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { "content-type": "application/problem+json", ...headers },
      }),
  );
}

async function problemOf(call: Promise<unknown>): Promise<ApiProblem> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiProblem)) throw new Error(`expected an ApiProblem, got ${error}`);
  return error;
}

describe("the console's API client", () => {
  it("keeps the problem's code, so that two 409s can be told apart", async () => {
    answer(409, {
      type: "urn:rapport:problem:invalid_transition",
      title: "This status change is not allowed",
      status: 409,
      detail: "open → new is not allowed",
      code: "invalid_transition",
    });
    const problem = await problemOf(api("PATCH", "/api/v1/conversations/x", { body: {} }));
    expect(problem).toMatchObject({
      kind: "conflict",
      status: 409,
      code: "invalid_transition",
      type: "urn:rapport:problem:invalid_transition",
      detail: "open → new is not allowed",
    });
  });

  it("keeps each problem of an invalid input with its path, and its code when it has one", async () => {
    answer(400, {
      type: "urn:rapport:problem:invalid_input",
      status: 400,
      code: "invalid_input",
      errors: [
        { where: "body", path: "/weekly_hours/mon/0", code: "invalid_time", message: "HH:MM" },
        { where: "body", path: "/name", message: "Too small" },
        { where: "body", path: "/tags", message: "Too big", code: "too_many", limit: 20 },
        { path: "/odd" },
      ],
    });
    const problem = await problemOf(api("POST", "/api/v1/calendars", { body: {} }));
    expect(problem.errors).toEqual([
      { path: "/weekly_hours/mon/0", code: "invalid_time", message: "HH:MM", limit: null },
      { path: "/name", code: null, message: "Too small", limit: null },
      { path: "/tags", code: "too_many", message: "Too big", limit: 20 },
    ]);
  });

  it("has no code when the answer is not a problem document", async () => {
    vi.stubGlobal("fetch", async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    const problem = await problemOf(api("GET", "/api/v1/me"));
    expect(problem).toMatchObject({ kind: "server", status: 502, code: null });
  });

  it("reads Retry-After in seconds", async () => {
    answer(
      429,
      { status: 429, title: "Too many requests", code: "rate_limited" },
      { "retry-after": "42" },
    );
    const problem = await problemOf(api("POST", "/api/v1/session", { body: {} }));
    expect(problem).toMatchObject({ kind: "rate_limited", code: "rate_limited", retryAfter: 42 });
  });
});
