// GET /api/v1/stream over real HTTP, with mail taken over real SMTP: live events, resuming with
// Last-Event-ID, authentication, and workspaces kept apart.
import nodemailer from "nodemailer";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { readPublicEvents } from "../../src/realtime/feed.ts";
import { brands, workspaces } from "../../src/store/schema/index.ts";
import {
  type EventStreamReader,
  readEventStream,
  type StreamEvent,
} from "../helpers/event-stream.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let token: string;
let otherToken: string;
let advisorToken: string;
const open: EventStreamReader[] = [];

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const rt = server.running.booted.rt;
  const workspaceId = server.running.booted.workspaceId;
  token = (await createToken(rt, { workspaceId, name: "stream", role: "admin" }, systemActor))
    .token;
  advisorToken = (
    await createToken(
      rt,
      { workspaceId, name: "advisor", role: "advisor", userEmail: server.adminEmail },
      systemActor,
    )
  ).token;
  const other = uuidv7();
  await rt.db.insert(workspaces).values({ id: other, name: "Elsewhere" });
  await rt.db.insert(brands).values({
    workspaceId: other,
    id: uuidv7(),
    name: "Theirs",
    slug: "theirs",
    addresses: ["help@elsewhere.test"],
  });
  otherToken = (
    await createToken(rt, { workspaceId: other, name: "theirs", role: "admin" }, systemActor)
  ).token;
});
afterAll(async () => {
  for (const s of open) s.close();
  await server?.stop();
});

async function stream(options: { bearer?: string; lastEventId?: string; query?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.bearer !== "") headers.authorization = `Bearer ${options.bearer ?? token}`;
  if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
  const reader = await readEventStream(
    `${server.url}/api/v1/stream${options.query ?? ""}`,
    headers,
  );
  open.push(reader);
  // A stream opened with its first bytes (the retry hint) hears what commits from then on.
  if (reader.status === 200) await waitUntil(() => reader.retry !== null);
  return reader;
}

async function waitUntil(probe: () => boolean) {
  while (!probe()) await new Promise((r) => setTimeout(r, 20));
}

async function mail(subject: string, to = "support@rapport.localhost", from = "marie@example.fr") {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: server.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  const raw =
    `From: Marie <${from}>\r\nTo: ${to}\r\nSubject: ${subject}\r\n` +
    `Message-ID: <${uuidv7()}@example.fr>\r\nDate: ${new Date().toUTCString()}\r\n` +
    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMy parcel is late.\r\n";
  const info = await transport.sendMail({ envelope: { from, to: [to] }, raw });
  expect(info.response).toMatch(/^250/);
}

type MessageData = { direction: string; conversation: { id: string; subject: string } };
const inbound = (subject: string) => (e: StreamEvent) =>
  e.event === "message.created" &&
  (e.data as MessageData).direction === "inbound" &&
  (e.data as MessageData).conversation.subject === subject;

describe("GET /api/v1/stream", () => {
  it("tells an open stream of a mail taken over SMTP, with its conversation's id and subject", async () => {
    const s = await stream();
    expect(s.status).toBe(200);
    await mail("Parcel late");
    const e = await s.next(inbound("Parcel late"));
    expect(e.id).toEqual(expect.any(String));
    const data = e.data as MessageData & { conversation_id: string };
    expect(data.conversation.id).toBe(data.conversation_id);
    const created = await s.next(
      (c) =>
        c.event === "conversation.created" &&
        (c.data as { id: string }).id === data.conversation_id,
    );
    expect(created.data).toMatchObject({ subject: "Parcel late", status: "new" });
  });

  it("resumes with Last-Event-ID: exactly the events missed, in order", async () => {
    const first = await stream();
    await mail("Before the break");
    await first.next(inbound("Before the break"));
    // Every event of that mail (its acknowledgement's too) has come before the stream is left.
    const seen = await waitForQuiet(first);
    const cursor = seen.at(-1)?.id as string;
    first.close();
    await mail("During the break 1");
    await mail("During the break 2");
    const { db } = server.running.booted.rt;
    const workspaceId = server.running.booted.workspaceId;
    const missed = await readPublicEvents(db, workspaceId, { after: cursor, limit: 1000 });
    expect(missed.filter((e) => e.event === "message.created").length).toBeGreaterThanOrEqual(2);

    const resumed = await stream({ lastEventId: cursor });
    await resumed.next(inbound("During the break 2"));
    const caughtUp = await waitForQuiet(resumed);
    expect(caughtUp.map((e) => e.id)).toEqual(missed.map((e) => e.id));
    expect(caughtUp.filter(inbound("During the break 1"))).toHaveLength(1);
    expect(caughtUp.some((e) => seen.some((s) => s.id === e.id))).toBe(false);

    const byQuery = await stream({ query: `?last_event_id=${encodeURIComponent(cursor)}` });
    await byQuery.next(inbound("During the break 2"));
    expect((await waitForQuiet(byQuery)).map((e) => e.id)).toEqual(missed.map((e) => e.id));
  });

  it("answers 401 without authentication, and 400 to a cursor that is no event id", async () => {
    const anonymous = await fetch(`${server.url}/api/v1/stream`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { type: string }).type).toBe(
      "urn:rapport:problem:unauthenticated",
    );
    const wrong = await fetch(`${server.url}/api/v1/stream`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.status).toBe(401);
    const bad = await fetch(`${server.url}/api/v1/stream?last_event_id=42`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { type: string }).type).toBe(
      "urn:rapport:problem:invalid_cursor",
    );
  });

  it("never shows another workspace's events", async () => {
    const ours = await stream();
    const theirs = await stream({ bearer: otherToken });
    await mail("For them", "help@elsewhere.test", "jean@example.fr");
    await mail("For us");
    await theirs.next(inbound("For them"));
    await ours.next(inbound("For us"));
    await theirs.next(inbound("For us"), 1_000).then(
      () => expect.fail("their stream showed our mail"),
      () => {},
    );
    expect(ours.events.some(inbound("For them"))).toBe(false);
    const theirIds = new Set(theirs.events.map((e) => e.id));
    expect(ours.events.filter((e) => theirIds.has(e.id))).toEqual([]);
  });

  it("tells who views a conversation, and when they leave, to every stream (presence)", async () => {
    const s = await stream();
    await mail("Watched");
    const message = await s.next(inbound("Watched"));
    const conversationId = (message.data as MessageData).conversation.id;
    const presence = (state: string, bearer = advisorToken, id = conversationId) =>
      fetch(`${server.url}/api/v1/conversations/${id}/presence`, {
        method: state === "left" ? "DELETE" : "PUT",
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(state === "left" ? {} : { "content-type": "application/json" }),
        },
        ...(state === "left" ? {} : { body: JSON.stringify({ state }) }),
      });
    expect((await presence("typing")).status).toBe(204);
    const typing = await s.next((e) => e.event === "presence.changed");
    expect(typing.id).toBeUndefined();
    expect(typing.data).toEqual({
      conversation_id: conversationId,
      viewers: [{ user_id: expect.any(String), name: expect.any(String), state: "typing" }],
    });
    expect((await presence("left")).status).toBe(204);
    await s.next(
      (e) =>
        e.event === "presence.changed" && (e.data as { viewers: unknown[] }).viewers.length === 0,
    );
    expect((await presence("viewing", token)).status).toBe(403);
    expect((await presence("viewing", advisorToken, uuidv7())).status).toBe(404);
    expect((await presence("dancing")).status).toBe(400);
  });

  it("is in the OpenAPI document as text/event-stream", async () => {
    const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: object }> } }>;
    };
    const answer = document.paths["/api/v1/stream"]?.get.responses["200"];
    expect(Object.keys(answer?.content ?? {})).toEqual(["text/event-stream"]);
  });

  it("ends every open stream when the server stops", async () => {
    const s = await stream();
    await server.running.stop();
    await s.ended;
  });
});

/**
 * The events a stream holds once nothing more comes for a while: the jobs of a mail (its
 * acknowledgement's delivery) may still write after its message arrived.
 */
async function waitForQuiet(s: EventStreamReader): Promise<StreamEvent[]> {
  let count = -1;
  while (count !== s.events.length) {
    count = s.events.length;
    await new Promise((r) => setTimeout(r, 700));
  }
  return [...s.events];
}
