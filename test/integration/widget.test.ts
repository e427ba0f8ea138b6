// The chat widget's API end to end through the real app and database: a visitor's signed id, their
// message through the intake into a conversation the console reads, an advisor's reply shown to that
// visitor only, forged and foreign ids refused, the rate limit and the size limit.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyTokenHmac } from "../../src/commands/mail/reply-message-id.ts";
import { createVisitorToken } from "../../src/domain/widget/visitor-token.ts";
import { customerIdentities } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { readEventStream, type StreamEvent } from "../helpers/event-stream.ts";

let desk: Desk;
let url: string;
beforeAll(async () => {
  desk = await startDesk();
  url = await desk.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await desk?.close();
});

const widget = "/api/v1/widget/support";
const bodyOf = (e: StreamEvent) => (e.data as { body: string }).body;

async function openStream(streamUrl: string, headers: Record<string, string> = {}) {
  const stream = await readEventStream(streamUrl, headers);
  expect(stream.status).toBe(200);
  return stream;
}

async function newVisitor(slug = "support"): Promise<string> {
  const res = await desk.app.inject({ method: "POST", url: `/api/v1/widget/${slug}/visitors` });
  expect(res.statusCode).toBe(201);
  return res.json().visitor as string;
}

const write = (
  visitor: string,
  payload: Record<string, unknown>,
  more: Record<string, string> = {},
) =>
  desk.app.inject({
    method: "POST",
    url: `${widget}/messages`,
    headers: { "rapport-visitor": visitor, ...more },
    payload,
  });

const read = (visitor: string) =>
  desk.app.inject({
    method: "GET",
    url: `${widget}/messages`,
    headers: { "rapport-visitor": visitor },
  });

const advisorWrites = (conversationId: string, kind: "reply" | "note", body: string) =>
  desk.app.inject({
    method: "POST",
    url: `/api/v1/conversations/${conversationId}/messages`,
    headers: desk.as("advisor"),
    payload: { kind, body },
  });

describe("the chat widget's API", () => {
  it("tells the brand, the promise in the page's language, and that nobody is online", async () => {
    const fr = await desk.app.inject({ method: "GET", url: `${widget}/config?lang=fr-FR` });
    expect(fr.statusCode).toBe(200);
    expect(fr.json()).toMatchObject({ language: "fr", online: false });
    expect(fr.json().promise).toMatch(/^avant /);
    const en = await desk.app.inject({ method: "GET", url: `${widget}/config?lang=en` });
    expect(en.json().promise).toMatch(/^by /);
    const unknown = await desk.app.inject({ method: "GET", url: "/api/v1/widget/nope/config" });
    expect(unknown.statusCode).toBe(404);
  });

  it("asks for an email while nobody is online, then stores the message before answering 201", async () => {
    const visitor = await newVisitor();
    const refused = await write(visitor, { body: "Bonjour, ma commande ?" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().problems[0].field).toBe("email");

    const res = await write(visitor, { body: "Bonjour, ma commande ?", email: "Zoe@Example.com" });
    expect(res.statusCode).toBe(201);
    const { conversation_id: conversationId, message_id: messageId } = res.json();

    const conversation = (
      await desk.app.inject({
        method: "GET",
        url: `/api/v1/conversations/${conversationId}`,
        headers: desk.as("advisor"),
      })
    ).json();
    expect(conversation.channel).toBe("chat");
    expect(conversation.owed_answer).toBe(true);
    const kinds = await desk.booted.rt.db
      .select({ kind: customerIdentities.kind, value: customerIdentities.value })
      .from(customerIdentities)
      .where(
        and(
          eq(customerIdentities.workspaceId, desk.workspaceId),
          eq(customerIdentities.customerId, conversation.customer_id),
        ),
      );
    expect(kinds.map((k) => k.kind).sort()).toEqual(["chat", "email"]);

    const mine = (await read(visitor)).json();
    expect(mine.conversation_id).toBe(conversationId);
    expect(mine.items).toEqual([expect.objectContaining({ id: messageId, from: "visitor" })]);
  });

  it("shows the advisor's reply to that visitor only, never a note; by mail once they left", async () => {
    const visitor = await newVisitor();
    const other = await newVisitor();
    const first = (
      await write(visitor, { body: "Where is my parcel?", email: "ines@example.com" })
    ).json();
    await write(other, { body: "Hello from someone else", email: "other@example.com" });

    expect(
      (await advisorWrites(first.conversation_id, "note", "Check the carrier")).statusCode,
    ).toBe(201);
    const reply = await advisorWrites(first.conversation_id, "reply", "It leaves today.");
    expect(reply.statusCode).toBe(201);
    // No widget connected, an email given: the reply leaves by mail as well.
    expect(reply.json()).toMatchObject({ channel: "email", delivery: "queued" });

    const mine = (await read(visitor)).json().items;
    expect(mine.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ["visitor", "Where is my parcel?"],
      ["advisor", "It leaves today."],
    ]);
    expect(mine[1].author_name).toBe("Ada Advisor");
    const theirs = (await read(other)).json().items;
    expect(theirs.map((m: { body: string }) => m.body)).toEqual(["Hello from someone else"]);
  });

  it("keeps a reply for a visitor who left without an email, and counts it once their widget shows it", async () => {
    const visitor = await newVisitor();
    const phone = (
      await write(visitor, { body: "Call me back?", phone: "+33 6 12 34 56 78" })
    ).json();
    const reply = await advisorWrites(phone.conversation_id, "reply", "Sure, at 3 pm.");
    expect(reply.json()).toMatchObject({ channel: "chat", delivery: "queued" });
    const before = await desk.app.inject({
      method: "GET",
      url: `/api/v1/conversations/${phone.conversation_id}`,
      headers: desk.as("advisor"),
    });
    expect(before.json().answered).toBe(false);

    expect((await read(visitor)).json().items).toHaveLength(2);
    const after = await desk.app.inject({
      method: "GET",
      url: `/api/v1/conversations/${phone.conversation_id}`,
      headers: desk.as("advisor"),
    });
    expect(after.json().answered).toBe(true);
  });

  it("refuses a forged visitor id and another brand's", async () => {
    const visitor = await newVisitor();
    const forged = `${visitor.slice(0, -4)}aaaa`;
    expect((await read(forged)).statusCode).toBe(401);
    expect((await write(forged, { body: "hi", email: "f@example.com" })).statusCode).toBe(401);

    const brand = await desk.app.inject({
      method: "POST",
      url: "/api/v1/brands",
      headers: desk.as("admin"),
      payload: { name: "Other shop", slug: "other-shop", addresses: ["hello@other.test"] },
    });
    expect(brand.statusCode).toBe(201);
    const foreign = await newVisitor("other-shop");
    expect((await read(foreign)).statusCode).toBe(401);
    // Signed with the right secret for the right workspace, but for the other brand.
    const visitorId = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    const signed = createVisitorToken(
      { workspaceId: desk.workspaceId, brandId: brand.json().id },
      visitorId,
      replyTokenHmac(desk.booted.rt.secret),
    );
    expect((await read(signed)).statusCode).toBe(401);
  });

  it("replays a message sent again with the same Idempotency-Key", async () => {
    const visitor = await newVisitor();
    const payload = { body: "Once only", email: "once@example.com" };
    const first = await write(visitor, payload, { "idempotency-key": "k-1" });
    const again = await write(visitor, payload, { "idempotency-key": "k-1" });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await read(visitor)).json().items).toHaveLength(1);
  });

  it("refuses a body over the size limit (413) and a visitor writing too fast (429)", async () => {
    const visitor = await newVisitor();
    const huge = await write(visitor, { body: "x".repeat(20_000), email: "big@example.com" });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().type).toBe("urn:rapport:problem:payload_too_large");

    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (await write(visitor, { body: `message ${i}`, email: "fast@example.com" })).statusCode,
      );
    }
    expect(statuses.slice(0, 19).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("streams the advisor's reply at once to the connected visitor only, and resumes after the last one", async () => {
    const visitor = await newVisitor();
    const other = await newVisitor();
    const first = (
      await write(visitor, { body: "Is anyone there?", email: "live@example.com" })
    ).json();
    await write(other, { body: "Me too", email: "too@example.com" });
    const stream = await openStream(
      `${url}${widget}/stream?visitor=${encodeURIComponent(visitor)}&after=${first.message_id}`,
    );
    const theirs = await openStream(`${url}${widget}/stream?visitor=${encodeURIComponent(other)}`);
    try {
      await theirs.next((e) => bodyOf(e) === "Me too");
      await advisorWrites(first.conversation_id, "note", "internal only");
      const reply = await advisorWrites(first.conversation_id, "reply", "Yes, here I am.");
      // The widget is connected: shown there, sent at its commit, a human answer at once.
      expect(reply.json()).toMatchObject({ channel: "chat", delivery: "sent" });
      const shown = await stream.next((e) => bodyOf(e) === "Yes, here I am.");
      expect(shown.id).toBe(reply.json().id);
      expect(shown.data).toMatchObject({ from: "advisor", author_name: "Ada Advisor" });
      // Nothing before `after`, no note.
      expect(stream.events.map((e) => bodyOf(e))).toEqual(["Yes, here I am."]);
      const conversation = await desk.app.inject({
        method: "GET",
        url: `/api/v1/conversations/${first.conversation_id}`,
        headers: desk.as("advisor"),
      });
      expect(conversation.json().answered).toBe(true);

      // A reconnect with Last-Event-ID gets what came since.
      stream.close();
      await advisorWrites(first.conversation_id, "reply", "Anything else?");
      const resumed = await openStream(
        `${url}${widget}/stream?visitor=${encodeURIComponent(visitor)}`,
        { "last-event-id": shown.id ?? "" },
      );
      await resumed.next((e) => bodyOf(e) === "Anything else?");
      expect(resumed.events.map((e) => bodyOf(e))).toEqual(["Anything else?"]);
      resumed.close();
      expect(theirs.events.map((e) => bodyOf(e))).toEqual(["Me too"]);
    } finally {
      stream.close();
      theirs.close();
    }
  });

  it("refuses a stream to a forged visitor id", async () => {
    const stream = await readEventStream(`${url}${widget}/stream?visitor=v1.${"a".repeat(52)}`);
    stream.close();
    expect(stream.status).toBe(401);
  });

  it("serves the script compressed and cached, and a frame any site may show", async () => {
    const script = await desk.app.inject({
      method: "GET",
      url: "/widget.js",
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(script.statusCode).toBe(200);
    expect(script.headers).toMatchObject({
      "content-encoding": "br",
      "cache-control": "public, max-age=3600",
      vary: "accept-encoding",
    });
    expect(script.headers["content-type"]).toMatch(/^text\/javascript/);
    const again = await desk.app.inject({
      method: "GET",
      url: "/widget.js",
      headers: { "if-none-match": String(script.headers.etag) },
    });
    expect(again.statusCode).toBe(304);

    const frame = await desk.app.inject({
      method: "GET",
      url: "/widget/frame?brand=support&lang=fr",
    });
    expect(frame.statusCode).toBe(200);
    expect(frame.headers["content-security-policy"]).toMatch(/frame-ancestors \*/);
    expect(frame.headers["x-frame-options"]).toBeUndefined();
    expect(frame.body).toContain('<html lang="fr">');
    const src = /src="(\/widget\/frame\.js\?v=[0-9a-f]+)"/.exec(frame.body)?.[1] ?? "";
    const app = await desk.app.inject({ method: "GET", url: src });
    expect(app.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    // Every other page still refuses to be framed.
    const config = await desk.app.inject({ method: "GET", url: `${widget}/config` });
    expect(config.headers["x-frame-options"]).toBe("DENY");
  });
});
