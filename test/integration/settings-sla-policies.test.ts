// SLA policies through the API: positive durations, brands of the workspace, the policy that then
// applies to a conversation, the audit trail, and what advisors may not do.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, slaPolicies } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let brandId: string;
beforeAll(async () => {
  desk = await startDesk();
  const res = await call("POST", "/api/v1/brands", "admin", {
    name: "Shop",
    slug: "shop",
    addresses: ["shop@brand.test"],
  });
  brandId = res.json().id;
});
afterAll(() => desk?.close());

type Role = "admin" | "manager" | "advisor" | "unbound";
const call = (method: "GET" | "POST" | "PATCH", url: string, role: Role, payload?: object) =>
  desk.app.inject({ method, url, headers: desk.as(role), ...(payload ? { payload } : {}) });

const countOf = async (table: typeof slaPolicies | typeof events) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

const policy = (extra: object = {}) => ({
  name: "Urgent on the phone",
  first_response_minutes: 30,
  next_response_minutes: 60,
  resolution_minutes: 480,
  ...extra,
});

describe("SLA policies", () => {
  it("creates a policy for a brand, priority and channel, and records it", async () => {
    const res = await call(
      "POST",
      "/api/v1/sla-policies",
      "admin",
      policy({ brand_id: brandId, priority: "urgent", channel: "phone" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      brand_id: brandId,
      priority: "urgent",
      channel: "phone",
      first_response_minutes: 30,
      next_response_minutes: 60,
      resolution_minutes: 480,
    });
    expect((await call("GET", `/api/v1/sla-policies/${created.id}`, "advisor")).json()).toEqual(
      created,
    );
    const general = await call(
      "POST",
      "/api/v1/sla-policies",
      "admin",
      policy({ name: "Everyone" }),
    );
    expect(general.json()).toMatchObject({ brand_id: null, priority: null, channel: null });
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(sql`${events.type} = 'sla_policy.created' and ${events.after}->>'id' = ${created.id}`);
    expect(event?.after).toMatchObject({ firstResponseMinutes: 30, priority: "urgent" });
  });

  it("gives a new conversation the due time of the policy that matches it", async () => {
    await call(
      "POST",
      "/api/v1/sla-policies",
      "admin",
      policy({ name: "Chat", channel: "chat", first_response_minutes: 15 }),
    );
    const inbound = await call("POST", "/api/v1/messages/inbound", "advisor", {
      channel: "chat",
      from: { email: "sla@customer.test" },
      body: "Hello?",
    });
    expect(inbound.statusCode, inbound.body).toBe(201);
    const conversation = (
      await call("GET", `/api/v1/conversations/${inbound.json().conversation_id}`, "advisor")
    ).json();
    const other = await call("POST", "/api/v1/messages/inbound", "advisor", {
      channel: "form",
      from: { email: "sla2@customer.test" },
      body: "Hello by form",
    });
    const formConversation = (
      await call("GET", `/api/v1/conversations/${other.json().conversation_id}`, "advisor")
    ).json();
    const dueIn = (c: { first_response_due_at: string; created_at: string }) =>
      new Date(c.first_response_due_at).getTime() - new Date(c.created_at).getTime();
    // 15 business minutes can never be later than the 30 of the general policy.
    expect(dueIn(conversation)).toBeLessThan(dueIn(formConversation));
  });

  it("refuses durations that are not positive whole minutes, and unknown brands (400)", async () => {
    const before = await countOf(slaPolicies);
    const cases = [
      { first_response_minutes: 0 },
      { next_response_minutes: -5 },
      { resolution_minutes: 1.5 },
      { resolution_minutes: "60" },
      { priority: "critical" },
      { channel: "pigeon" },
      { brand_id: "0190a1b2-0000-7000-8000-0000000000fd" },
      { brand_id: "shop" },
      { escalate: true },
    ];
    for (const extra of cases) {
      const res = await call("POST", "/api/v1/sla-policies", "admin", policy(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
    }
    const { first_response_minutes: _, ...missing } = policy();
    expect((await call("POST", "/api/v1/sla-policies", "admin", missing)).statusCode).toBe(400);
    expect(await countOf(slaPolicies)).toBe(before);
  });

  it("changes a policy and writes what changed; a bad change changes nothing", async () => {
    const created = (
      await call("POST", "/api/v1/sla-policies", "admin", policy({ name: "Change me" }))
    ).json();
    const bad = await call("PATCH", `/api/v1/sla-policies/${created.id}`, "admin", {
      first_response_minutes: 0,
    });
    expect(bad.statusCode).toBe(400);
    const res = await call("PATCH", `/api/v1/sla-policies/${created.id}`, "admin", {
      first_response_minutes: 45,
      priority: "high",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      first_response_minutes: 45,
      priority: "high",
      next_response_minutes: 60,
    });
    const cleared = await call("PATCH", `/api/v1/sla-policies/${created.id}`, "admin", {
      priority: null,
    });
    expect(cleared.json().priority).toBeNull();
    const changes = await desk.booted.rt.db
      .select()
      .from(events)
      .where(
        sql`${events.type} = 'sla_policy.updated' and ${events.data}->>'sla_policy_id' = ${created.id}`,
      )
      .orderBy(events.createdAt);
    expect(changes.map((e) => [e.before, e.after])).toEqual([
      [
        { priority: null, firstResponseMinutes: 30 },
        { priority: "high", firstResponseMinutes: 45 },
      ],
      [{ priority: "high" }, { priority: null }],
    ]);
  });

  it("lets every role read policies and only admins write them (403, nothing changed)", async () => {
    const created = (
      await call("POST", "/api/v1/sla-policies", "admin", policy({ name: "Locked" }))
    ).json();
    const before = await countOf(slaPolicies);
    const eventsBefore = await countOf(events);
    for (const role of ["advisor", "manager"] as const) {
      expect((await call("GET", "/api/v1/sla-policies", role)).statusCode).toBe(200);
      expect((await call("POST", "/api/v1/sla-policies", role, policy())).statusCode).toBe(403);
      const patch = await call("PATCH", `/api/v1/sla-policies/${created.id}`, role, {
        resolution_minutes: 1,
      });
      expect(patch.statusCode).toBe(403);
    }
    expect(await countOf(slaPolicies)).toBe(before);
    expect(await countOf(events)).toBe(eventsBefore);
    expect(
      (await call("GET", `/api/v1/sla-policies/${created.id}`, "admin")).json().resolution_minutes,
    ).toBe(480);
  });

  it("filters policies by brand and pages them with a cursor; a tampered cursor is a 400", async () => {
    const forBrand = (await call("GET", `/api/v1/sla-policies?brand=${brandId}`, "advisor")).json()
      .items;
    expect(forBrand.length).toBeGreaterThan(0);
    expect(forBrand.every((p: { brand_id: string }) => p.brand_id === brandId)).toBe(true);
    const total = await countOf(slaPolicies);
    const first = (await call("GET", "/api/v1/sla-policies?limit=2", "advisor")).json();
    const rest = (
      await call(
        "GET",
        `/api/v1/sla-policies?limit=100&cursor=${encodeURIComponent(first.next_cursor)}`,
        "advisor",
      )
    ).json();
    expect(first.items.length + rest.items.length).toBe(total);
    const bad = await call(
      "GET",
      `/api/v1/sla-policies?cursor=${encodeURIComponent(`${first.next_cursor}x`)}`,
      "advisor",
    );
    expect(bad.statusCode).toBe(400);
  });
});
