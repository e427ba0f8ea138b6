// Every POST that creates something honours Idempotency-Key: a retried request answers what the
// first one answered (201, then 200) and creates nothing twice; the key is scoped to the token
// and kept 24 hours; reused with another body it is refused (422).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkEventData, isEventType } from "../../src/domain/events/catalogue.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(async () => {
  await desk?.close();
});

async function newConversation(email: string): Promise<string> {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: { channel: "form", from: { email }, subject: "Late parcel", body: "Where is it?" },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().conversation_id;
}

function reply(
  conversationId: string,
  body: string,
  key: string,
  role: "advisor" | "manager" = "advisor",
) {
  return desk.app.inject({
    method: "POST",
    url: `/api/v1/conversations/${conversationId}/messages`,
    headers: { ...desk.as(role), "idempotency-key": key },
    payload: { kind: "reply", body },
  });
}

/** The replies stored on a conversation and the send-mail jobs queued for them. */
async function repliesAndMailJobs(conversationId: string) {
  const { rows } = await desk.booted.rt.db.execute<{ replies: number; jobs: number }>(sql`
    select count(*)::int as replies,
           (select count(*)::int from pgboss.job j
             where j.name = 'send-mail' and j.data->>'messageId' = any(array_agg(m.id::text))) as jobs
      from messages m
     where m.workspace_id = ${desk.workspaceId} and m.conversation_id = ${conversationId}
       and m.direction = 'outbound' and not m.automated`);
  return rows[0];
}

describe("Idempotency-Key on a reply", () => {
  it("a reply retried three times with one key is stored once and mailed once: 201, then 200", async () => {
    const id = await newConversation("retry@example.com");
    const first = await reply(id, "A new one leaves today.", "reply-1");
    const second = await reply(id, "A new one leaves today.", "reply-1");
    const third = await reply(id, "A new one leaves today.", "reply-1");
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode, second.body).toBe(200);
    expect(third.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(third.json()).toEqual(first.json());
    expect(await repliesAndMailJobs(id)).toEqual({ replies: 1, jobs: 1 });
  });

  it("requests racing with one key store one reply and all answer it", async () => {
    const id = await newConversation("race@example.com");
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => reply(id, "On its way.", "reply-race")),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await repliesAndMailJobs(id)).toEqual({ replies: 1, jobs: 1 });
  });

  it("the same key with another body is refused with 422 and stores nothing", async () => {
    const id = await newConversation("reuse@example.com");
    expect((await reply(id, "First words.", "reply-2")).statusCode).toBe(201);
    const other = await reply(id, "Other words.", "reply-2");
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("idempotency_key_reused");
    expect(await repliesAndMailJobs(id)).toEqual({ replies: 1, jobs: 1 });
  });

  it("a key is scoped to its token: another token's same key is another request", async () => {
    const id = await newConversation("scope@example.com");
    expect((await reply(id, "From Ada.", "shared-key")).statusCode).toBe(201);
    expect((await reply(id, "From Max.", "shared-key", "manager")).statusCode).toBe(201);
    expect(await repliesAndMailJobs(id)).toEqual({ replies: 2, jobs: 2 });
  });

  it("a key is kept 24 hours: after that, the same request is a new one", async () => {
    const id = await newConversation("later@example.com");
    expect((await reply(id, "Soon.", "reply-day")).statusCode).toBe(201);
    const rt = desk.booted.rt;
    const clock = rt.now;
    try {
      rt.now = () => new Date(clock().getTime() + 23 * 3600_000);
      expect((await reply(id, "Soon.", "reply-day")).statusCode).toBe(200);
      rt.now = () => new Date(clock().getTime() + 25 * 3600_000);
      expect((await reply(id, "Soon.", "reply-day")).statusCode).toBe(201);
    } finally {
      rt.now = clock;
    }
    expect(await repliesAndMailJobs(id)).toEqual({ replies: 2, jobs: 2 });
  });
});

describe("Idempotency-Key on the settings an admin creates", () => {
  const creations: Array<[string, () => object]> = [
    ["/api/v1/brands", () => ({ name: "Idem", slug: "idem", addresses: ["idem@shop.test"] })],
    ["/api/v1/calendars", () => ({ name: "Idem hours", time_zone: "Europe/Paris" })],
    ["/api/v1/canned-answers", () => ({ title: "Idem", body: "Thank you." })],
    [
      "/api/v1/sla-policies",
      () => ({
        name: "Idem",
        first_response_minutes: 60,
        next_response_minutes: 120,
        resolution_minutes: 1440,
      }),
    ],
    ["/api/v1/teams", () => ({ name: "Idem team", manager_id: desk.users.manager.id })],
    ["/api/v1/users", () => ({ name: "Idem", email: "idem@desk.test", role: "advisor" })],
    ["/api/v1/organisations", () => ({ name: "Idem organisation", domains: ["idem.example"] })],
  ];

  it.each(creations)(
    "POST %s twice with one key creates once: 201, then 200",
    async (url, body) => {
      const post = (payload: object) =>
        desk.app.inject({
          method: "POST",
          url,
          headers: { ...desk.as("admin"), "idempotency-key": `settings ${url}` },
          payload,
        });
      const first = await post(body());
      const again = await post(body());
      expect(first.statusCode, first.body).toBe(201);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual(first.json());
      // Another body: the first field changed (every creation here starts with a name or title).
      const [field] = Object.keys(body());
      const other = await post({ ...body(), [field as string]: "Another one" });
      expect(other.statusCode).toBe(422);
      const list = await desk.app.inject({
        method: "GET",
        url: `${url}?limit=100`,
        headers: desk.as("admin"),
      });
      const ids = list.json().items.map((i: { id: string }) => i.id);
      expect(ids.filter((id: string) => id === first.json().id)).toHaveLength(1);
      expect(ids).toHaveLength(new Set(ids).size);
    },
  );
});

describe("Idempotency-Key on a customer's message received through the API", () => {
  it("a replay answers the first answer and runs the intake no more", async () => {
    const receive = () =>
      desk.app.inject({
        method: "POST",
        url: "/api/v1/messages/inbound",
        headers: { ...desk.as("advisor"), "idempotency-key": "form-42" },
        payload: { channel: "form", from: { email: "form@example.com" }, body: "Order 42?" },
      });
    const first = await receive();
    expect(first.statusCode, first.body).toBe(201);
    const writes = vi.spyOn(desk.booted.rt.db, "transaction");
    try {
      const replays = [await receive(), await receive()];
      expect(replays.map((r) => r.statusCode)).toEqual([200, 200]);
      expect(replays.map((r) => r.json())).toEqual([first.json(), first.json()]);
      expect(writes).not.toHaveBeenCalled();
    } finally {
      writes.mockRestore();
    }
  });
});

describe("Idempotency-Key on a logged call or visit", () => {
  it.each(["inbound", "outbound"] as const)(
    "an %s call logged twice with one key is one message: 201, then 200",
    async (direction) => {
      const created = await desk.app.inject({
        method: "POST",
        url: "/api/v1/messages/inbound",
        headers: desk.as("advisor"),
        payload: { channel: "form", from: { email: `call-${direction}@example.com` }, body: "Hi" },
      });
      const customerId = created.json().customer_id;
      const log = (summary: string) =>
        desk.app.inject({
          method: "POST",
          url: `/api/v1/customers/${customerId}/interactions`,
          headers: { ...desk.as("advisor"), "idempotency-key": `call ${direction}` },
          payload: { channel: "phone", direction, summary, answering: false },
        });
      const first = await log("Called about the parcel.");
      const again = await log("Called about the parcel.");
      expect(first.statusCode, first.body).toBe(201);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual(first.json());
      expect((await log("Another call.")).statusCode).toBe(422);
      const { rows } = await desk.booted.rt.db.execute<{ n: number }>(sql`
      select count(*)::int as n from messages
       where workspace_id = ${desk.workspaceId} and channel = 'phone'
         and conversation_id in (select id from conversations
                                  where workspace_id = ${desk.workspaceId}
                                    and customer_id = ${customerId})`);
      expect(rows[0]?.n).toBe(1);
    },
  );
});

describe("the events all this wrote", () => {
  it("each is of a catalogued type and its payload validates against its schema", async () => {
    const { rows } = await desk.booted.rt.db.execute<{ type: string; data: unknown }>(sql`
      select type, data from events where workspace_id = ${desk.workspaceId}`);
    expect(rows.length).toBeGreaterThan(20);
    const invalid = rows.filter(
      (e) => !isEventType(e.type) || !checkEventData(e.type, e.data).success,
    );
    expect(invalid).toEqual([]);
  });
});
