// Canned answers through the API: per language and brand, the audit trail, what advisors may not do,
// and another workspace's settings kept out of reach.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  brands,
  cannedAnswers,
  events,
  slaPolicies,
  workspaces,
} from "../../src/store/schema/index.ts";
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

const countOf = async (table: typeof slaPolicies | typeof cannedAnswers | typeof events) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

const policy = (extra: object = {}) => ({
  name: "Urgent on the phone",
  first_response_minutes: 30,
  next_response_minutes: 60,
  resolution_minutes: 480,
  ...extra,
});

describe("canned answers", () => {
  it("creates, reads, lists by language and changes a canned answer, with events", async () => {
    const res = await call("POST", "/api/v1/canned-answers", "admin", {
      title: "Merci",
      language: "fr",
      brand_id: brandId,
      body: "Bonjour {{customer.name}}, merci pour votre message.",
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ title: "Merci", language: "fr", brand_id: brandId });
    await call("POST", "/api/v1/canned-answers", "admin", { title: "Thanks", body: "Thank you!" });
    const french = (await call("GET", "/api/v1/canned-answers?language=fr", "advisor")).json()
      .items;
    expect(french.map((a: { id: string }) => a.id)).toEqual([created.id]);
    const changed = await call("PATCH", `/api/v1/canned-answers/${created.id}`, "admin", {
      body: "Bonjour {{customer.name}}, merci !",
      brand_id: null,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      brand_id: null,
      body: "Bonjour {{customer.name}}, merci !",
    });
    expect((await call("GET", `/api/v1/canned-answers/${created.id}`, "advisor")).json()).toEqual(
      changed.json(),
    );
    const types = (
      await desk.booted.rt.db
        .select({ type: events.type })
        .from(events)
        .where(sql`${events.type} like 'canned_answer.%'`)
    ).map((e) => e.type);
    expect(types.sort()).toEqual([
      "canned_answer.created",
      "canned_answer.created",
      "canned_answer.updated",
    ]);
  });

  it("refuses empty text, unknown languages, unknown brands and unknown fields (400, nothing stored)", async () => {
    const before = await countOf(cannedAnswers);
    const cases = [
      { title: "x", body: "   " },
      { title: "", body: "x" },
      { title: "x", body: "x", language: "es" },
      { title: "x", body: "x", brand_id: "0190a1b2-0000-7000-8000-0000000000fc" },
      { title: "x", body: "x", shortcut: "/thx" },
    ];
    for (const payload of cases) {
      const res = await call("POST", "/api/v1/canned-answers", "admin", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await countOf(cannedAnswers)).toBe(before);
  });

  it("lets advisors read canned answers but not write them (403)", async () => {
    const created = (
      await call("POST", "/api/v1/canned-answers", "admin", { title: "Mine", body: "Hello" })
    ).json();
    const before = await countOf(cannedAnswers);
    expect((await call("GET", "/api/v1/canned-answers", "advisor")).statusCode).toBe(200);
    expect(
      (await call("POST", "/api/v1/canned-answers", "advisor", { title: "x", body: "y" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call("PATCH", `/api/v1/canned-answers/${created.id}`, "advisor", { body: "Hijacked" }))
        .statusCode,
    ).toBe(403);
    expect(await countOf(cannedAnswers)).toBe(before);
    expect((await call("GET", `/api/v1/canned-answers/${created.id}`, "advisor")).json().body).toBe(
      "Hello",
    );
  });

  it("pages canned answers with a cursor and refuses a tampered one", async () => {
    for (let i = 0; i < 3; i++)
      await call("POST", "/api/v1/canned-answers", "admin", { title: `Page ${i}`, body: "x" });
    const total = await countOf(cannedAnswers);
    const first = (await call("GET", "/api/v1/canned-answers?limit=2", "advisor")).json();
    expect(first.items.map((a: { title: string }) => a.title)).toEqual(["Page 2", "Page 1"]);
    const rest = (
      await call(
        "GET",
        `/api/v1/canned-answers?limit=100&cursor=${encodeURIComponent(first.next_cursor)}`,
        "advisor",
      )
    ).json();
    expect(first.items.length + rest.items.length).toBe(total);
    expect(rest.next_cursor).toBeNull();
    const [payload, signature] = (first.next_cursor as string).split(".");
    const swapped = `${Buffer.from(JSON.stringify(["2000-01-01T00:00:00.000Z", first.items[0].id])).toString("base64url")}.${signature}`;
    for (const bad of [swapped, payload]) {
      const res = await call(
        "GET",
        `/api/v1/canned-answers?cursor=${encodeURIComponent(bad as string)}`,
        "advisor",
      );
      expect(res.statusCode).toBe(400);
    }
  });

  it("does not show or change another workspace's canned answer or SLA policy (404)", async () => {
    const db = desk.booted.rt.db;
    const workspaceId = "0190a1b2-0000-7000-8000-00000000aa05";
    const otherBrand = "0190a1b2-0000-7000-8000-00000000bb05";
    const answerId = "0190a1b2-0000-7000-8000-00000000ee05";
    const policyId = "0190a1b2-0000-7000-8000-00000000ff05";
    await db.insert(workspaces).values({ id: workspaceId, name: "Elsewhere" });
    await db.insert(brands).values({
      workspaceId,
      id: otherBrand,
      name: "Theirs",
      slug: "theirs",
      addresses: ["t@else.test"],
    });
    await db
      .insert(cannedAnswers)
      .values({ workspaceId, id: answerId, title: "Theirs", body: "Theirs" });
    await db.insert(slaPolicies).values({
      workspaceId,
      id: policyId,
      name: "Theirs",
      firstResponseMinutes: 1,
      nextResponseMinutes: 1,
      resolutionMinutes: 1,
    });
    expect((await call("GET", `/api/v1/canned-answers/${answerId}`, "admin")).statusCode).toBe(404);
    expect(
      (await call("PATCH", `/api/v1/canned-answers/${answerId}`, "admin", { body: "Ours" }))
        .statusCode,
    ).toBe(404);
    expect((await call("GET", `/api/v1/sla-policies/${policyId}`, "admin")).statusCode).toBe(404);
    expect(
      (await call("PATCH", `/api/v1/sla-policies/${policyId}`, "admin", { name: "Ours" }))
        .statusCode,
    ).toBe(404);
    const borrowing = await call(
      "POST",
      "/api/v1/sla-policies",
      "admin",
      policy({ brand_id: otherBrand }),
    );
    expect(borrowing.statusCode).toBe(400);
    const [answer] = await db
      .select()
      .from(cannedAnswers)
      .where(sql`${cannedAnswers.id} = ${answerId}`);
    expect(answer?.body).toBe("Theirs");
    const [rule] = await db.select().from(slaPolicies).where(sql`${slaPolicies.id} = ${policyId}`);
    expect(rule?.name).toBe("Theirs");
  });
});
