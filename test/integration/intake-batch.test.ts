// The intake stores many messages in one transaction: a batch must give each message what it would
// have got alone — one customer per sender, one copy per message, its own error, clocks and events.
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeskError } from "../../src/errors.ts";
import { type InboundMessage, NoThread, receiveBatch } from "../../src/intake/receive.ts";
import {
  conversations,
  customerIdentities,
  events,
  messages,
} from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

const message = (over: Partial<InboundMessage>): InboundMessage => ({
  workspaceId: desk.workspaceId,
  channel: "api",
  from: { email: "someone@batch.test", name: "Someone" },
  subject: "A question",
  bodyText: "Hello, I have a question.",
  ...over,
});

const storedOf = <T>(r: { ok: true; value: T } | { ok: false; error: unknown } | undefined): T => {
  if (!r?.ok) throw new Error(`expected a stored message, got ${String(r?.error)}`);
  return r.value;
};

describe("a batch of inbound messages", () => {
  it("gives a new sender met twice in one batch one customer, created once", async () => {
    const rt = desk.booted.rt;
    const from = { email: "Twice@Batch.test", name: "Twice" };
    const [a, b] = await receiveBatch(rt, [
      message({ from, subject: "First" }),
      message({ from: { email: "twice@batch.test" }, subject: "Second" }),
    ]);
    const first = storedOf(a);
    const second = storedOf(b);
    expect(second.customerId).toBe(first.customerId);
    expect(first.newCustomer).toBe(true);
    expect(second.newCustomer).toBe(false);
    expect(second.conversationId).not.toBe(first.conversationId);
    const identities = await rt.db
      .select()
      .from(customerIdentities)
      .where(eq(customerIdentities.value, "twice@batch.test"));
    expect(identities).toHaveLength(1);
    const created = await rt.db
      .select()
      .from(events)
      .where(and(eq(events.customerId, first.customerId), eq(events.type, "customer.created")));
    expect(created).toHaveLength(1);
  });

  it("stores the same message once when it comes twice in one batch, and once more later", async () => {
    const rt = desk.booted.rt;
    const same = message({ dedupeKey: "batch-dedupe-1", from: { email: "dup@batch.test" } });
    const [a, b] = await receiveBatch(rt, [same, { ...same }]);
    expect(storedOf(b)).toMatchObject({ messageId: storedOf(a).messageId, duplicate: true });
    const [again] = await receiveBatch(rt, [{ ...same }]);
    expect(storedOf(again)).toMatchObject({ messageId: storedOf(a).messageId, duplicate: true });
    const stored = await rt.db
      .select()
      .from(messages)
      .where(eq(messages.dedupeKey, "batch-dedupe-1"));
    expect(stored).toHaveLength(1);
  });

  it("fails only the message that points at another customer's conversation", async () => {
    const rt = desk.booted.rt;
    const [owner] = await receiveBatch(rt, [message({ from: { email: "owner@batch.test" } })]);
    const theirs = storedOf(owner).conversationId;
    const [stranger, fine] = await receiveBatch(rt, [
      message({ from: { email: "stranger@batch.test" }, thread: { conversationId: theirs } }),
      message({ from: { email: "fine@batch.test" } }),
    ]);
    expect(stranger?.ok).toBe(false);
    expect(stranger && !stranger.ok && stranger.error).toBeInstanceOf(DeskError);
    expect(storedOf(fine).newConversation).toBe(true);
    const [conversation] = await rt.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, theirs));
    expect(conversation?.messageCount).toBe(1);
  });

  it("sets aside, alone, an automatic reply that answers no conversation", async () => {
    const rt = desk.booted.rt;
    const [robot, person] = await receiveBatch(rt, [
      message({ from: { email: "robot@batch.test" }, autoReply: true }),
      message({ from: { email: "person@batch.test" } }),
    ]);
    expect(robot && !robot.ok && robot.error).toBeInstanceOf(NoThread);
    expect(storedOf(person).newConversation).toBe(true);
  });

  it("applies two messages to one resolved conversation in order: reopened once, counted twice", async () => {
    const rt = desk.booted.rt;
    const from = { email: "again@batch.test" };
    const [opened] = await receiveBatch(rt, [message({ from })]);
    const id = storedOf(opened).conversationId;
    await rt.db
      .update(conversations)
      .set({ status: "resolved", resolvedAt: new Date(), awaitingSince: null })
      .where(eq(conversations.id, id));
    const [a, b] = await receiveBatch(rt, [
      message({ from, thread: { conversationId: id } }),
      message({ from, thread: { conversationId: id } }),
    ]);
    expect(storedOf(a).conversationId).toBe(id);
    expect(storedOf(b).conversationId).toBe(id);
    const [after] = await rt.db.select().from(conversations).where(eq(conversations.id, id));
    expect(after).toMatchObject({ status: "open", messageCount: 3, resolvedAt: null });
    expect(after?.awaitingSince).not.toBeNull();
    expect(after?.nextResponseDueAt ?? after?.firstResponseDueAt).not.toBeNull();
    const changes = await rt.db
      .select()
      .from(events)
      .where(and(eq(events.conversationId, id), eq(events.type, "conversation.status_changed")));
    expect(changes).toHaveLength(1);
    const received = await rt.db
      .select()
      .from(events)
      .where(and(eq(events.conversationId, id), eq(events.type, "message.received")));
    expect(received).toHaveLength(3);
  });

  it("stores a batch again when another writer gave its new sender a customer first", async () => {
    const rt = desk.booted.rt;
    const other = new pg.Client({ connectionString: desk.config.databaseUrl });
    await other.connect();
    try {
      // Another node's transaction holds the sender's identity, not yet committed.
      const winner = rt.newId();
      await other.query("begin");
      await other.query(
        "insert into customers (workspace_id, id, name) values ($1, $2, 'Winner')",
        [desk.workspaceId, winner],
      );
      await other.query(
        `insert into customer_identities (workspace_id, id, customer_id, kind, value, display_value)
         values ($1, $2, $3, 'email', 'race@batch.test', 'race@batch.test')`,
        [desk.workspaceId, rt.newId(), winner],
      );
      const racing = receiveBatch(rt, [message({ from: { email: "race@batch.test" } })]);
      await new Promise((r) => setTimeout(r, 300));
      await other.query("commit");
      const [result] = await racing;
      expect(storedOf(result)).toMatchObject({ customerId: winner, newCustomer: false });
      const identities = await rt.db
        .select()
        .from(customerIdentities)
        .where(eq(customerIdentities.value, "race@batch.test"));
      expect(identities).toHaveLength(1);
    } finally {
      await other.end();
    }
  });

  it("starts the first-response clock of each new conversation, as a lone message would", async () => {
    const rt = desk.booted.rt;
    const results = await receiveBatch(
      rt,
      Array.from({ length: 20 }, (_, i) => message({ from: { email: `many-${i}@batch.test` } })),
    );
    const ids = results.map((r) => storedOf(r).conversationId);
    expect(new Set(ids).size).toBe(20);
    for (const id of ids) {
      const [c] = await rt.db.select().from(conversations).where(eq(conversations.id, id));
      expect(c?.firstResponseDueAt).not.toBeNull();
      expect(c?.promisedFirstResponseAt).toEqual(c?.firstResponseDueAt);
      expect(c?.slaNextAlertAt).not.toBeNull();
      expect(c?.messageCount).toBe(1);
    }
  });
});
