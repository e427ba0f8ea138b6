// Every settings write in the OpenAPI document refuses advisors, and managers except on the teams
// they manage; a refused write changes nothing. Every settings read is open to every role but the
// mailboxes' (which servers and accounts feed the desk), kept to admins.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let ids: Record<string, string>;
let writes: Array<{ method: "POST" | "PATCH"; path: string }>;
let reads: string[];

const resources = ["brands", "teams", "users", "calendars", "sla-policies", "canned-answers"];
const adminOnlyReads = new Set(["/api/v1/mailboxes", "/api/v1/mailboxes/{id}"]);

beforeAll(async () => {
  desk = await startDesk();
  const admin = (body: object, path: string) =>
    desk.app.inject({
      method: "POST",
      url: `/api/v1/${path}`,
      headers: desk.as("admin"),
      payload: body,
    });
  const rootId = (
    await desk.app.inject({
      method: "GET",
      url: "/api/v1/users?role=admin",
      headers: desk.as("admin"),
    })
  ).json().items[0].id;
  const created = {
    brands: await admin({ name: "B", slug: "b", addresses: ["b@b.test"] }, "brands"),
    // Managed by the admin: the desk's manager does not manage it.
    teams: await admin({ name: "T", manager_id: rootId }, "teams"),
    users: await admin({ email: "u@u.test", name: "U", role: "advisor" }, "users"),
    calendars: await admin({ name: "C", time_zone: "UTC" }, "calendars"),
    "sla-policies": await admin(
      { name: "S", first_response_minutes: 1, next_response_minutes: 1, resolution_minutes: 1 },
      "sla-policies",
    ),
    "canned-answers": await admin({ title: "A", body: "a" }, "canned-answers"),
  };
  ids = Object.fromEntries(
    Object.entries(created).map(([name, res]) => {
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      return [name, res.json().id as string];
    }),
  );
  const doc = (await desk.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
  const operations = Object.entries(
    doc.paths as Record<string, Record<string, { tags?: string[] }>>,
  ).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      tags: op.tags ?? [],
    })),
  );
  const settings = operations.filter((o) => o.tags.includes("settings"));
  writes = settings
    .filter((o) => o.method === "POST" || o.method === "PATCH")
    .map((o) => ({ method: o.method as "POST" | "PATCH", path: o.path }));
  reads = settings.filter((o) => o.method === "GET").map((o) => o.path);
});
afterAll(() => desk?.close());

const urlOf = (path: string) =>
  path.replace(
    /^\/api\/v1\/([a-z-]+)\/\{id\}/,
    (_, resource: string) => `/api/v1/${resource}/${ids[resource]}`,
  );

/** Everything the settings API shows, to compare before and after refused writes. */
async function everything() {
  const lists = [];
  for (const resource of resources) {
    const res = await desk.app.inject({
      method: "GET",
      url: `/api/v1/${resource}?limit=100`,
      headers: desk.as("admin"),
    });
    lists.push(res.json());
  }
  const [count] = await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(events);
  return { lists, events: count?.n };
}

describe("access to the settings", () => {
  it("documents list, create, read and update for every settings resource", () => {
    for (const resource of resources) {
      expect(writes).toContainEqual({ method: "POST", path: `/api/v1/${resource}` });
      expect(writes).toContainEqual({ method: "PATCH", path: `/api/v1/${resource}/{id}` });
      expect(reads).toContain(`/api/v1/${resource}`);
      expect(reads).toContain(`/api/v1/${resource}/{id}`);
    }
  });

  it("refuses every settings write to an advisor with 403, and changes nothing", async () => {
    const before = await everything();
    for (const op of writes) {
      const res = await desk.app.inject({
        method: op.method,
        url: urlOf(op.path),
        headers: desk.as("advisor"),
        payload: { name: "Advisor was here" },
      });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(403);
      expect(res.json()).toMatchObject({ status: 403, code: "forbidden" });
    }
    expect(await everything()).toEqual(before);
  });

  it("refuses every settings write to a manager with 403, a team they do not manage included", async () => {
    const before = await everything();
    for (const op of writes) {
      const res = await desk.app.inject({
        method: op.method,
        url: urlOf(op.path),
        headers: desk.as("manager"),
        payload: { name: "Manager was here" },
      });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(403);
    }
    expect(await everything()).toEqual(before);
  });

  it("lets every role read every settings resource but the mailboxes, which only admins read", async () => {
    for (const role of ["advisor", "manager"] as const) {
      const res = await desk.app.inject({
        method: "GET",
        url: "/api/v1/mailboxes",
        headers: desk.as(role),
      });
      expect(res.statusCode, `${role} GET /api/v1/mailboxes`).toBe(403);
    }
    const admin = await desk.app.inject({
      method: "GET",
      url: "/api/v1/mailboxes",
      headers: desk.as("admin"),
    });
    expect(admin.statusCode).toBe(200);
    for (const path of reads.filter((r) => !adminOnlyReads.has(r))) {
      for (const role of ["advisor", "manager", "admin", "unbound"] as const) {
        const res = await desk.app.inject({
          method: "GET",
          url: urlOf(path),
          headers: desk.as(role),
        });
        expect(res.statusCode, `${role} GET ${path}`).toBe(200);
      }
    }
  });
});
