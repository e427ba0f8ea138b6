// A conversation's life through the API: inbound, reply (sent through the outbox), answered,
// no silent close, idempotent intake, keyset paging.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers, type Workers } from "../../src/jobs/workers.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { eventually } from "../helpers/eventually.ts";

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

async function inbound(payload: object, headers: Record<string, string> = {}) {
  return desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: { ...desk.as("advisor"), ...headers },
    payload,
  });
}
const get = async (url: string, role: "advisor" | "admin" = "advisor") =>
  desk.app.inject({ method: "GET", url, headers: desk.as(role) });

describe("a conversation", () => {
  it("becomes answered once an advisor's reply has left through the outbox", async () => {
    const created = (
      await inbound({
        channel: "form",
        from: { email: "nina@example.com", name: "Nina" },
        subject: "Broken lamp",
        body: "It arrived broken.",
      })
    ).json();
    let c = (await get(`/api/v1/conversations/${created.conversation_id}`)).json();
    expect(c).toMatchObject({ status: "new", answered: false, channel: "form" });
    expect(c.first_response_due_at).not.toBeNull();
    expect(c.reference).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);

    const reply = await desk.app.inject({
      method: "POST",
      url: `/api/v1/conversations/${created.conversation_id}/messages`,
      headers: desk.as("advisor"),
      payload: { kind: "reply", body: "So sorry, a new one leaves today." },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({
      direction: "outbound",
      delivery: "queued",
      author: { kind: "user", name: "Ada Advisor" },
    });

    c = await eventually(async () => {
      const now = (await get(`/api/v1/conversations/${created.conversation_id}`)).json();
      return now.answered ? now : null;
    });
    expect(c.status).toBe("waiting_customer");
    expect(c.first_response_due_at).toBeNull();
    expect(c.messages.find((m: { direction: string }) => m.direction === "outbound").delivery).toBe(
      "sent",
    );
    const outbox = path.join(desk.config.dataDir, "outbox");
    expect(existsSync(outbox) && readdirSync(outbox).some((f) => f.endsWith(".eml"))).toBe(true);

    const again = (
      await inbound({
        channel: "form",
        from: { email: "NINA@example.com" },
        body: "Thanks! When will it arrive?",
        conversation_id: created.conversation_id,
      })
    ).json();
    expect(again.conversation_id).toBe(created.conversation_id);
    c = (await get(`/api/v1/conversations/${created.conversation_id}`)).json();
    expect(c.status).toBe("open");
    expect(c.next_response_due_at).not.toBeNull();
  });

  it("a reply through a token not bound to a user is not a human answer", async () => {
    const created = (
      await inbound({ channel: "api", from: { email: "omar@example.com" }, body: "Hello?" })
    ).json();
    await desk.app.inject({
      method: "POST",
      url: `/api/v1/conversations/${created.conversation_id}/messages`,
      headers: desk.as("unbound"),
      payload: { kind: "reply", body: "Automated-ish answer" },
    });
    await new Promise((r) => setTimeout(r, 1500));
    const c = (await get(`/api/v1/conversations/${created.conversation_id}`)).json();
    expect(c.messages.find((m: { direction: string }) => m.direction === "outbound")).toMatchObject(
      { delivery: "sent", author: { kind: "system" } },
    );
    expect(c.answered).toBe(false);
  });

  it("cannot be resolved without a human answer unless a reason is given", async () => {
    const created = (
      await inbound({
        channel: "api",
        from: { email: "zoe@example.com" },
        body: "Buy cheap watches",
      })
    ).json();
    const url = `/api/v1/conversations/${created.conversation_id}`;
    const refused = await desk.app.inject({
      method: "PATCH",
      url,
      headers: desk.as("advisor"),
      payload: { status: "resolved" },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toBe("urn:rapport:problem:close_without_answer");
    expect((await get(url)).json().status).toBe("new");
    const ok = await desk.app.inject({
      method: "PATCH",
      url,
      headers: desk.as("advisor"),
      payload: { status: "closed", close_reason: "spam" },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: "closed",
      close_reason: "spam",
      first_response_due_at: null,
    });
    const timeline = (await get(`/api/v1/conversations/${created.conversation_id}`)).json();
    expect(timeline.status).toBe("closed");
  });

  it("opens a new linked conversation when the customer writes to a closed one", async () => {
    const created = (
      await inbound({ channel: "api", from: { email: "ivy@example.com" }, body: "First" })
    ).json();
    await desk.app.inject({
      method: "PATCH",
      url: `/api/v1/conversations/${created.conversation_id}`,
      headers: desk.as("advisor"),
      payload: { status: "closed", close_reason: "nothing_to_answer" },
    });
    const next = (
      await inbound({
        channel: "api",
        from: { email: "ivy@example.com" },
        body: "Again",
        reference: created.reference,
      })
    ).json();
    expect(next.conversation_id).not.toBe(created.conversation_id);
    const c = (await get(`/api/v1/conversations/${next.conversation_id}`)).json();
    expect(c.linked_conversation_id).toBe(created.conversation_id);
  });

  it("refuses to add to another customer's conversation", async () => {
    const mine = (
      await inbound({ channel: "api", from: { email: "a1@example.com" }, body: "Mine" })
    ).json();
    const res = await inbound({
      channel: "api",
      from: { email: "b2@example.com" },
      body: "Not mine",
      conversation_id: mine.conversation_id,
    });
    expect(res.statusCode).toBe(404);
    const list = (await get("/api/v1/conversations?customer_email=b2@example.com")).json();
    expect(list.items).toHaveLength(0);
  });

  it("honours Idempotency-Key: same body, same answer; other body, 422; nothing duplicated", async () => {
    const payload = { channel: "api", from: { email: "idem@example.com" }, body: "Only once" };
    const first = await inbound(payload, { "idempotency-key": "k-1" });
    const replay = await inbound(payload, { "idempotency-key": "k-1" });
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    const other = await inbound(
      { ...payload, body: "Something else" },
      { "idempotency-key": "k-1" },
    );
    expect(other.statusCode).toBe(422);
    const concurrent = await Promise.all(
      [1, 2, 3, 4].map(() => inbound({ ...payload, body: "race" }, { "idempotency-key": "k-2" })),
    );
    expect(new Set(concurrent.map((r) => r.json().message_id)).size).toBe(1);
    const c = (await get(`/api/v1/conversations?customer_email=idem@example.com`)).json();
    expect(c.items).toHaveLength(2);
  });

  it("pages with a signed cursor, newest activity first, and refuses a tampered one", async () => {
    for (let i = 0; i < 5; i++)
      await inbound({ channel: "api", from: { email: `page${i}@example.com` }, body: `n${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: Array<{ id: string }>; next_cursor: string | null } = (
        await get(
          `/api/v1/conversations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        )
      ).json();
      expect(res.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.items.map((i: { id: string }) => i.id));
      cursor = res.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (await get("/api/v1/conversations?limit=100"))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(seen).toEqual(all);
    const first = (await get("/api/v1/conversations?limit=1")).json().next_cursor as string;
    const tampered = `${first.slice(0, -2)}xx`;
    const res = await get(`/api/v1/conversations?limit=1&cursor=${encodeURIComponent(tampered)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toBe("urn:rapport:problem:invalid_cursor");
  });

  it("answers 404 for a conversation that does not exist", async () => {
    const res = await get("/api/v1/conversations/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    expect(res.statusCode).toBe(404);
  });
});
