// The realtime hub and the feed on a real PostgreSQL: events committed by the desk reach a
// subscriber once each, in spite of commit order, a lost connection, and suffixed cursors.
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvents, systemActor } from "../../src/commands/events/record-event.ts";
import type { PublicEvent } from "../../src/realtime/feed.ts";
import { readPublicEvents } from "../../src/realtime/feed.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { eventually } from "../helpers/eventually.ts";

let desk: Desk;
const received: PublicEvent[] = [];
let unsubscribe: () => void;

beforeAll(async () => {
  desk = await startDesk();
  const subscription = desk.booted.rt.hub.subscribe(desk.workspaceId, (e) => received.push(e));
  unsubscribe = subscription;
  await subscription.ready;
});
afterAll(async () => {
  unsubscribe?.();
  await desk?.close();
});

async function inbound(email: string, subject: string) {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: { channel: "form", from: { email }, subject, body: "Where is my parcel?" },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { conversation_id: string; message_id: string; customer_id: string };
}

const messageOf = (messageId: string) => () =>
  received.find(
    (e) => e.event === "message.created" && (e.data as { id?: string }).id === messageId,
  );

describe("the realtime hub", () => {
  it("hands a subscriber a new conversation and its message, as the API presents them", async () => {
    const taken = await inbound("nadia@example.com", "Late parcel");
    const message = await eventually(messageOf(taken.message_id));
    expect(message).toMatchObject({
      workspaceId: desk.workspaceId,
      conversationId: taken.conversation_id,
      customerId: taken.customer_id,
      data: {
        direction: "inbound",
        body_text: "Where is my parcel?",
        conversation: { id: taken.conversation_id, subject: "Late parcel" },
      },
    });
    expect(message.brandId).toEqual(expect.any(String));
    const created = received.find(
      (e) => e.event === "conversation.created" && e.conversationId === taken.conversation_id,
    );
    expect(created?.data).toMatchObject({ id: taken.conversation_id, subject: "Late parcel" });
    // Each stored event once, in id order.
    const ids = received.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("announces a transaction's events with one notification per workspace", async () => {
    const listener = new pg.Client({ connectionString: desk.config.databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query("listen rapport_events");
    try {
      const taken = await inbound("omar@example.com", "Invoice");
      await eventually(messageOf(taken.message_id));
      await listener.query("select 1");
      // The intake wrote several events (conversation, message, routing) in one transaction.
      expect(heard).toEqual([desk.workspaceId]);
    } finally {
      await listener.end();
    }
  });

  it("delivers an event that commits after a later one, once", async () => {
    const first = await inbound("lea@example.com", "Refund");
    await eventually(messageOf(first.message_id));
    const early = uuidv7();
    const later = await inbound("paul@example.com", "Exchange");
    await eventually(messageOf(later.message_id));
    await desk.booted.rt.db.transaction((tx) =>
      recordEvents(tx, [
        {
          workspaceId: desk.workspaceId,
          id: early,
          type: "customer.updated",
          actor: systemActor,
          customerId: first.customer_id,
          at: new Date(),
        },
      ]),
    );
    const late = await eventually(() => received.find((e) => e.id === early));
    expect(late).toMatchObject({ event: "customer.updated", data: { id: first.customer_id } });
    await inbound("zoe@example.com", "Another");
    await eventually(() => received.some((e) => e.data.subject === "Another"));
    expect(received.filter((e) => e.id === early)).toHaveLength(1);
  });

  it("catches up after its connection is cut", async () => {
    const admin = new pg.Client({ connectionString: desk.config.databaseUrl });
    await admin.connect();
    try {
      const cut = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = 'rapport-hub' and datname = current_database()`,
      );
      expect(cut.rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    // Committed while the hub has no connection, or just after: delivered either way.
    const taken = await inbound("ines@example.com", "While away");
    await eventually(messageOf(taken.message_id));
  });
});

describe("the public feed", () => {
  it("suffixes the second public event of a row and resumes inside that row", async () => {
    const taken = await inbound("hugo@example.com", "Resolved soon");
    const id = uuidv7();
    await desk.booted.rt.db.transaction((tx) =>
      recordEvents(tx, [
        {
          workspaceId: desk.workspaceId,
          id,
          type: "conversation.updated",
          actor: systemActor,
          conversationId: taken.conversation_id,
          customerId: taken.customer_id,
          before: { status: "open" },
          after: { status: "resolved" },
          at: new Date(),
        },
      ]),
    );
    const range = { limit: 100 };
    const all = await readPublicEvents(desk.booted.rt.db, desk.workspaceId, range);
    const own = all.filter((e) => e.id.startsWith(id));
    expect(own.map((e) => [e.id, e.event])).toEqual([
      [id, "conversation.updated"],
      [`${id}:resolved`, "conversation.resolved"],
    ]);
    const resumed = (cursor: string) =>
      readPublicEvents(desk.booted.rt.db, desk.workspaceId, { after: cursor, limit: 100 });
    expect((await resumed(id)).map((e) => e.id)).toEqual([`${id}:resolved`]);
    expect(await resumed(`${id}:resolved`)).toEqual([]);
    const before = all[all.indexOf(own[0] as PublicEvent) - 1] as PublicEvent;
    expect((await resumed(before.id)).map((e) => e.id)).toEqual([id, `${id}:resolved`]);
  });

  it("never reads another workspace's events", async () => {
    const none = await readPublicEvents(desk.booted.rt.db, uuidv7(), { limit: 100 });
    expect(none).toEqual([]);
  });
});
