// Bad input is a 4xx problem document and changes nothing, wherever it comes in: a string PostgreSQL
// cannot hold (NUL, a lone surrogate), a mangled cursor, a path the router cannot read, a brand
// or a date out of range. Every answer also carries the security headers.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brands } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { tenantChecksum } from "../helpers/tenant-checksum.ts";

let desk: Desk;
let conversationId: string;
let customerId: string;
let brandSlug: string;

beforeAll(async () => {
  desk = await startDesk();
  const created = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: { channel: "form", from: { email: "nina@example.com", name: "Nina" }, body: "Hi" },
  });
  expect(created.statusCode, created.body).toBe(201);
  conversationId = created.json().conversation_id;
  customerId = created.json().customer_id;
  const [brand] = await desk.booted.rt.db
    .update(brands)
    .set({ charterPublic: true })
    .where(eq(brands.workspaceId, desk.workspaceId))
    .returning();
  brandSlug = brand?.slug ?? "";
});
afterAll(async () => {
  await desk?.close();
});

type Call = { method: "GET" | "POST" | "PATCH"; url: string; payload?: unknown };

/** Sends the request as an admin and checks the answer is a problem document that changed nothing. */
async function refused(call: Call, status = 400) {
  const before = await tenantChecksum(desk.booted.rt.db);
  const res = await desk.app.inject({
    method: call.method,
    url: call.url,
    headers: desk.as("admin"),
    ...(call.payload === undefined ? {} : { payload: call.payload as object }),
  });
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(await tenantChecksum(desk.booted.rt.db)).toEqual(before);
  return res.json() as {
    code: string;
    detail: string;
    errors?: Array<{ path: string; code: string; limit?: number }>;
  };
}

describe("strings PostgreSQL cannot hold", () => {
  it("a NUL in a note's body is refused, naming the field", async () => {
    const problem = await refused({
      method: "POST",
      url: `/api/v1/conversations/${conversationId}/messages`,
      payload: { kind: "note", body: "a\u0000b" },
    });
    expect(problem.code).toBe("invalid_input");
    expect(problem.errors?.[0]?.path).toBe("/body");
    expect(problem.detail).toContain("NUL");
  });

  it("a NUL in a query parameter is refused", async () => {
    const problem = await refused({ method: "GET", url: "/api/v1/customers?q=a%00b" });
    expect(problem.detail).toMatch(/^querystring \/q: /);
  });

  it("a NUL in the public charter's path is refused", async () => {
    const problem = await refused({ method: "GET", url: "/charter/a%00b" });
    expect(problem.detail).toMatch(/^params \/slug: /);
  });

  it("a lone surrogate in a PATCH is refused before any event is written", async () => {
    const problem = await refused({
      method: "PATCH",
      url: `/api/v1/customers/${customerId}`,
      payload: { name: "\ud800x" },
    });
    expect(problem.errors?.[0]?.path).toBe("/name");
    expect(problem.detail).toContain("surrogate");
  });

  it("a bad string in a field's name or deep in an array is found too", async () => {
    const named = await refused({
      method: "PATCH",
      url: `/api/v1/customers/${customerId}`,
      payload: { "na\u0000me": "x" },
    });
    expect(named.errors?.[0]?.path).toBe("/na\u0000me");
    const deep = await refused({
      method: "PATCH",
      url: `/api/v1/customers/${customerId}`,
      payload: { important_dates: [{ kind: "ok", date: "2026-01-01" }, { kind: "\udc00" }] },
    });
    expect(deep.errors?.[0]?.path).toBe("/important_dates/1/kind");
  });

  it("a well-formed pair of surrogates (an emoji) is kept", async () => {
    const res = await desk.app.inject({
      method: "POST",
      url: `/api/v1/conversations/${conversationId}/messages`,
      headers: desk.as("admin"),
      payload: { kind: "note", body: "Merci 😀" },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe("each field problem carries a code a console can translate", () => {
  const coded = (problem: Awaited<ReturnType<typeof refused>>) =>
    (problem.errors ?? []).map((e) =>
      [e.path, e.code, e.limit].filter((x) => x !== undefined).join(" "),
    );

  it("a name too long says so with its limit, a missing body is required", async () => {
    const long = await refused({
      method: "PATCH",
      url: `/api/v1/customers/${customerId}`,
      payload: { name: "x".repeat(201) },
    });
    expect(coded(long)).toEqual(["/name too_long 200"]);
    const missing = await refused({
      method: "POST",
      url: `/api/v1/conversations/${conversationId}/messages`,
      payload: { kind: "note" },
    });
    expect(coded(missing)).toEqual(["/body required"]);
  });

  it("a bad choice, a bad email and a NUL each have their code", async () => {
    const problem = await refused({
      method: "PATCH",
      url: `/api/v1/customers/${customerId}`,
      payload: { preferred_channel: "pigeon", emails: ["nobody"] },
    });
    expect(coded(problem).sort()).toEqual([
      "/emails/0 invalid_format",
      "/preferred_channel invalid_choice",
    ]);
    const nul = await refused({
      method: "PATCH",
      url: `/api/v1/customers/${customerId}`,
      payload: { name: "a\u0000b" },
    });
    expect(coded(nul)).toEqual(["/name invalid_characters"]);
  });
});

describe("cursors, brands and dates", () => {
  it("a cursor holding a multibyte character is an invalid cursor on every list", async () => {
    for (const list of ["/api/v1/conversations", "/api/v1/customers", "/api/v1/unanswered"]) {
      const problem = await refused({ method: "GET", url: `${list}?cursor=${"é".repeat(40)}.abc` });
      expect(problem.code, list).toBe("invalid_cursor");
      const signature = await refused({
        method: "GET",
        url: `${list}?cursor=abc.${encodeURIComponent("€".repeat(22))}`,
      });
      expect(signature.code, list).toBe("invalid_cursor");
    }
  });

  it("a malformed brand on the charter report is not found, not a failure", async () => {
    const problem = await refused(
      { method: "GET", url: `/api/v1/reports/charter?brand=${"-".repeat(36)}` },
      404,
    );
    expect(problem.code).toBe("not_found");
  });

  it("a year 0001 on the public charter page is refused", async () => {
    const periods: Array<[string, string]> = [
      ["0001-01-01T00:00:00+01:00", "0001-06-01T00:00:00Z"],
      ["0001-01-01T00:00:00Z", "0001-06-01T00:00:00Z"],
    ];
    for (const [from, to] of periods) {
      const problem = await refused({
        method: "GET",
        url: `/charter/${brandSlug}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      });
      expect(problem.errors?.[0]?.path).toBe("/from");
    }
  });
});

describe("refused before anything is stored", () => {
  it("a bad SPF sender on the mail setup makes no DKIM key", async () => {
    const [brand] = await desk.booted.rt.db
      .select({ id: brands.id })
      .from(brands)
      .where(eq(brands.workspaceId, desk.workspaceId));
    const problem = await refused({
      method: "GET",
      url: `/api/v1/brands/${brand?.id}/mail-setup?sender=${encodeURIComponent("not a sender!")}`,
    });
    expect(problem.detail).toContain("SPF");
  });
});

describe("what the router refuses", () => {
  it("a path that is not valid percent-encoding is a problem document", async () => {
    const problem = await refused({ method: "GET", url: "/api/v1/conversations/%E0%A4%A" });
    expect(problem.code).toBe("invalid_input");
  });

  it("a path parameter over 100 characters is a problem document", async () => {
    const problem = await refused({ method: "GET", url: `/api/v1/customers/${"a".repeat(101)}` });
    expect(problem.code).toBe("invalid_input");
  });
});

describe("security headers", () => {
  it("every answer says nosniff, no referrer and no framing, errors and router refusals included", async () => {
    for (const url of [
      "/healthz",
      "/api/v1/conversations",
      "/api/v1/conversations/%E0%A4%A",
      `/charter/${brandSlug}`,
      "/api/v1/openapi.json",
    ]) {
      const res = await desk.app.inject({ method: "GET", url, headers: desk.as("admin") });
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["referrer-policy"], url).toBe("no-referrer");
      expect(res.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    }
  });

  it("the charter page keeps its own policy and forbids framing", async () => {
    const res = await desk.app.inject({ method: "GET", url: `/charter/${brandSlug}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-security-policy"]).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
  });

  it("the API reference page runs only its own files", async () => {
    const res = await desk.app.inject({ method: "GET", url: "/api/docs" });
    expect(res.statusCode).toBe(200);
    const policy = String(res.headers["content-security-policy"]);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/https:|validator\.swagger\.io|upgrade-insecure-requests/);
  });
});

it("the tenant checksum sees a change", async () => {
  const before = await tenantChecksum(desk.booted.rt.db);
  await desk.booted.rt.db.execute(
    sql`update customers set name = 'Nina B.' where id = ${customerId}`,
  );
  expect(await tenantChecksum(desk.booted.rt.db)).not.toEqual(before);
});
