// Authentication and input rules that hold for every endpoint in the OpenAPI document.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Desk, startDesk, testPassword } from "../helpers/desk.ts";

let desk: Desk;
let operations: Array<{ method: string; url: string; path: string }>;

const publicOperations = new Set([
  "GET /healthz",
  "GET /api/v1/openapi.json",
  "POST /api/v1/session",
  // The chat widget's visitors: a signed visitor id, not a user, is what these calls carry.
  "POST /api/v1/widget/{brand_slug}/visitors",
  "GET /api/v1/widget/{brand_slug}/config",
  "POST /api/v1/widget/{brand_slug}/messages",
  "GET /api/v1/widget/{brand_slug}/messages",
  "GET /api/v1/widget/{brand_slug}/stream",
  // The customer portal's way in: a mailed link asked for, then used once.
  "POST /api/v1/portal/{brand_slug}/magic-link",
  "POST /api/v1/portal/{brand_slug}/session",
  // Signing out of the portal without a session is harmless: 204 whoever asks.
  "DELETE /api/v1/portal/session",
]);
/** The customer portal's own calls: a portal session opens them, never an advisor's credentials. */
const portalSessionOnly = (path: string) =>
  path.startsWith("/api/v1/portal/") && !publicOperations.has(`POST ${path}`);
const someId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

beforeAll(async () => {
  desk = await startDesk();
  const doc = (await desk.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
  operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, ops]) =>
      Object.keys(ops).map((method) => ({
        method: method.toUpperCase(),
        path,
        url: path.replace(/\{[^}]+\}/g, someId),
      })),
  );
});
afterAll(() => desk?.close());

const countEvents = async () =>
  (await desk.booted.rt.db.execute(sql`select count(*)::int as n from events`)).rows[0]
    ?.n as number;

describe("access to the API", () => {
  it("documents the API as OpenAPI 3.1 with the core resources", () => {
    const paths = operations.map((o) => `${o.method} ${o.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "POST /api/v1/messages/inbound",
        "GET /api/v1/conversations",
        "GET /api/v1/conversations/{id}",
        "PATCH /api/v1/conversations/{id}",
        "POST /api/v1/conversations/{id}/messages",
      ]),
    );
  });

  it("answers nothing but health, the OpenAPI document, sign-in, the widget's and the portal's ways in without authentication", async () => {
    for (const op of operations) {
      if (publicOperations.has(`${op.method} ${op.path}`)) continue;
      const res = await desk.app.inject({
        method: op.method as "GET",
        url: op.url,
        payload: op.method === "GET" ? undefined : {},
      });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
  });

  it("refuses a wrong or revoked token", async () => {
    const res = await desk.app.inject({
      method: "GET",
      url: "/api/v1/conversations",
      headers: { authorization: "Bearer rpt_nope" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, type: "urn:rapport:problem:unauthenticated" });
  });

  it("rejects unknown fields on every write with a 400 problem and changes nothing", async () => {
    const before = await countEvents();
    for (const op of operations.filter((o) => ["POST", "PATCH", "PUT"].includes(o.method))) {
      if (op.path === "/api/v1/session") continue;
      const res = await desk.app.inject({
        method: op.method as "POST",
        url: op.url,
        headers: desk.as("admin"),
        payload: { surely_not_a_field: true },
      });
      const refused = portalSessionOnly(op.path) ? [401] : [400, 404];
      expect(refused, `${op.method} ${op.path}: ${res.body}`).toContain(res.statusCode);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
    expect(await countEvents()).toBe(before);
  });

  it("refuses a body that is not JSON with a problem document", async () => {
    const res = await desk.app.inject({
      method: "POST",
      url: "/api/v1/messages/inbound",
      headers: { ...desk.as("admin"), "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().status).toBe(400);
  });

  it("signs in with a cookie and requires the CSRF token for cookie-authenticated writes", async () => {
    const bad = await desk.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: "ada@desk.test", password: "wrong password" },
    });
    expect(bad.statusCode).toBe(401);
    const ok = await desk.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: "ADA@desk.test", password: testPassword },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === "rapport_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const headers = { cookie: `rapport_session=${cookie?.value}` };
    const me = await desk.app.inject({ method: "GET", url: "/api/v1/me", headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe("ada@desk.test");
    const payload = {
      channel: "phone",
      from: { phone: "+33 6 00 00 00 01" },
      body: "Called about a refund",
    };
    const withoutCsrf = await desk.app.inject({
      method: "POST",
      url: "/api/v1/messages/inbound",
      headers,
      payload,
    });
    expect(withoutCsrf.statusCode).toBe(403);
    const withCsrf = await desk.app.inject({
      method: "POST",
      url: "/api/v1/messages/inbound",
      headers: { ...headers, "x-csrf-token": me.json().csrf_token },
      payload,
    });
    expect(withCsrf.statusCode).toBe(201);
    const out = await desk.app.inject({
      method: "DELETE",
      url: "/api/v1/session",
      headers: { ...headers, "x-csrf-token": me.json().csrf_token },
    });
    expect(out.statusCode).toBe(204);
    expect((await desk.app.inject({ method: "GET", url: "/api/v1/me", headers })).statusCode).toBe(
      401,
    );
  });

  it("rate-limits sign-in attempts with 429 and Retry-After", async () => {
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < 12; i++) {
      const res = await desk.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { email: "max@desk.test", password: "nope nope" },
      });
      last = res.statusCode;
      retryAfter = res.headers["retry-after"] as string | undefined;
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it("serves the API reference page from local files", async () => {
    const res = await desk.app.inject({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/https?:\/\/(cdn|unpkg|fonts)/);
  });
});

describe("invalid input", () => {
  it("lists every problem found, at its place in the request", async () => {
    const res = await desk.app.inject({
      method: "GET",
      url: "/api/v1/conversations?limit=500&status=lost",
      headers: desk.as("advisor"),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.length).toBeGreaterThanOrEqual(1);
    expect(res.json().errors[0]).toMatchObject({ where: "querystring" });
  });
});
