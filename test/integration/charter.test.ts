// The commitment charter (API and public page), the unanswered view ordered by time left, and
// notifications of the signed-in user.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers, type Workers } from "../../src/jobs/workers.ts";
import { brands, conversations, notifications } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { inWatchOrder } from "../helpers/watch-order.ts";

let desk: Desk;
let workers: Workers;
beforeAll(async () => {
  desk = await startDesk();
  workers = await startWorkers(desk.booted.rt);
});
afterAll(async () => {
  await workers?.stop();
  await desk?.close();
});

const inbound = async (email: string, priority?: "urgent") => {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: { channel: "form", from: { email }, body: "Help" },
  });
  const id = res.json().conversation_id as string;
  if (priority) {
    await desk.app.inject({
      method: "PATCH",
      url: `/api/v1/conversations/${id}`,
      headers: desk.as("advisor"),
      payload: { priority },
    });
  }
  return id;
};
const get = (url: string) => desk.app.inject({ method: "GET", url, headers: desk.as("advisor") });

describe("the commitment charter and the unanswered view", () => {
  it("lists unanswered conversations soonest due first, and drops them once answered", async () => {
    const normal = await inbound("n1@example.com");
    const urgent = await inbound("u1@example.com", "urgent");
    const answered = await inbound("a1@example.com");
    await desk.app.inject({
      method: "POST",
      url: `/api/v1/conversations/${answered}/messages`,
      headers: desk.as("advisor"),
      payload: { kind: "reply", body: "Here you go." },
    });
    for (let i = 0; i < 50; i++) {
      const c = (await get(`/api/v1/conversations/${answered}`)).json();
      if (c.answered) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const list = (await get("/api/v1/unanswered")).json();
    const ids = list.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(normal);
    expect(ids).not.toContain(answered);
    expect(ids.indexOf(urgent)).toBeLessThan(ids.indexOf(normal));
    expect(ids).toEqual([...list.items].sort(inWatchOrder).map((i: { id: string }) => i.id));
    expect(typeof list.items[0].minutes_left).toBe("number");
  });

  it("reports % answered and first response figures per channel", async () => {
    const res = await get("/api/v1/reports/charter");
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.overall.counted).toBeGreaterThanOrEqual(3);
    expect(r.overall.answered).toBeGreaterThanOrEqual(1);
    expect(r.overall.answered).toBeLessThan(r.overall.counted);
    expect(r.channels.map((c: { channel: string }) => c.channel)).toContain("form");
    expect(r.overall.first_response_minutes.median).not.toBeNull();
  });

  it("refuses a period that ends before it starts", async () => {
    const res = await get(
      "/api/v1/reports/charter?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
    );
    expect(res.statusCode).toBe(400);
  });

  it("publishes the charter page only for a brand that chose to", async () => {
    const [brand] = await desk.booted.rt.db.select().from(brands).limit(1);
    if (!brand) throw new Error("no brand");
    expect(
      (await desk.app.inject({ method: "GET", url: `/charter/${brand.slug}` })).statusCode,
    ).toBe(404);
    await desk.booted.rt.db
      .update(brands)
      .set({ charterPublic: true })
      .where(eq(brands.id, brand.id));
    const page = await desk.app.inject({ method: "GET", url: `/charter/${brand.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("our commitment to answer");
    expect(page.body).not.toMatch(/<script/);
  });

  it("shows my notifications and lets me mark one read", async () => {
    const [c] = await desk.booted.rt.db.select().from(conversations).limit(1);
    const id = desk.booted.rt.newId();
    await desk.booted.rt.db.insert(notifications).values({
      workspaceId: desk.workspaceId,
      id,
      userId: desk.users.advisor.id,
      kind: "sla.warn_assignee",
      conversationId: c?.id ?? null,
      data: { reference: c?.reference },
    });
    const mine = (await get("/api/v1/notifications?unread=true")).json();
    expect(mine.items.map((n: { id: string }) => n.id)).toEqual([id]);
    const asManager = (
      await desk.app.inject({
        method: "GET",
        url: "/api/v1/notifications",
        headers: desk.as("manager"),
      })
    ).json();
    expect(asManager.items).toHaveLength(0);
    const read = await desk.app.inject({
      method: "POST",
      url: `/api/v1/notifications/${id}/read`,
      headers: desk.as("advisor"),
    });
    expect(read.statusCode).toBe(204);
    expect((await get("/api/v1/notifications?unread=true")).json().items).toHaveLength(0);
  });

  it("recomputes stored due times when an SLA policy changes", async () => {
    const id = await inbound("policy@example.com");
    const before = (await get(`/api/v1/conversations/${id}`)).json()
      .first_response_due_at as string;
    const created = await desk.app.inject({
      method: "POST",
      url: "/api/v1/sla-policies",
      headers: desk.as("admin"),
      payload: {
        name: "Fast forms",
        channel: "form",
        first_response_minutes: 15,
        next_response_minutes: 60,
        resolution_minutes: 600,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    let after = before;
    for (let i = 0; i < 100 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await get(`/api/v1/conversations/${id}`)).json().first_response_due_at;
    }
    expect(new Date(after).getTime()).toBeLessThan(new Date(before).getTime());
  });
});
