// Messages through the API: they go to the brand named by id or slug (an unknown one is a 400 that
// stores nothing), and a sender who gave an email is acknowledged by mail, as a mail would be; one
// who gave only a phone is not written to.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversations, events, messages } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let brand: { id: string; slug: string };
beforeAll(async () => {
  desk = await startDesk();
  const created = await desk.app.inject({
    method: "POST",
    url: "/api/v1/brands",
    headers: desk.as("admin"),
    payload: { name: "Lumière", slug: "lumiere", addresses: ["bonjour@lumiere.test"] },
  });
  expect(created.statusCode, created.body).toBe(201);
  brand = created.json();
});
afterAll(() => desk?.close());

const inbound = (payload: object) =>
  desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("admin"),
    payload: { channel: "form", body: "Ma commande n'est jamais arrivée.", ...payload },
  });

async function conversationOf(id: string) {
  const [row] = await desk.booted.rt.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, desk.workspaceId), eq(conversations.id, id)));
  return row;
}

async function acknowledgementsOf(conversationId: string) {
  return desk.booted.rt.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "outbound"),
        eq(messages.automated, true),
      ),
    );
}

const countOf = async (table: typeof messages | typeof events) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

describe("a message through the API", () => {
  it("goes to the brand named by its slug, and the sender's email is acknowledged", async () => {
    const res = await inbound({ brand: "lumiere", from: { email: "marie@example.com" } });
    expect(res.statusCode, res.body).toBe(201);
    const { conversation_id } = res.json();
    expect((await conversationOf(conversation_id))?.brandId).toBe(brand.id);
    const acks = await acknowledgementsOf(conversation_id);
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ delivery: "queued", authorEmail: "bonjour@lumiere.test" });
    expect(acks[0]?.bodyText).toContain("Lumière");
  });

  it("goes to the brand named by its id", async () => {
    const res = await inbound({ brand: brand.id, from: { email: "paul@example.com" } });
    expect(res.statusCode, res.body).toBe(201);
    expect((await conversationOf(res.json().conversation_id))?.brandId).toBe(brand.id);
  });

  it("is not acknowledged when the sender gave no email", async () => {
    const res = await inbound({ brand: "lumiere", from: { phone: "+33 6 12 34 56 78" } });
    expect(res.statusCode, res.body).toBe(201);
    expect(await acknowledgementsOf(res.json().conversation_id)).toEqual([]);
  });

  it("is acknowledged once when retried with its Idempotency-Key", async () => {
    const payload = { brand: "lumiere", from: { email: "lea@example.com" }, body: "Bonjour" };
    const send = () =>
      desk.app.inject({
        method: "POST",
        url: "/api/v1/messages/inbound",
        headers: { ...desk.as("admin"), "idempotency-key": "form-42" },
        payload: { channel: "form", ...payload },
      });
    const first = await send();
    const again = await send();
    expect(again.json()).toEqual(first.json());
    expect(await acknowledgementsOf(first.json().conversation_id)).toHaveLength(1);
  });

  it("naming an unknown brand is a 400 on brand that stores nothing", async () => {
    const before = { messages: await countOf(messages), events: await countOf(events) };
    const res = await inbound({ brand: "nowhere", from: { email: "marie@example.com" } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "invalid_input" });
    expect(res.json().errors[0]).toMatchObject({ path: "/brand", code: "invalid" });
    expect(res.json().detail).toContain('"nowhere"');
    expect({ messages: await countOf(messages), events: await countOf(events) }).toEqual(before);
  });
});
