// Webhook deliveries to a real HTTP receiver on 127.0.0.1 (RAPPORT_WEBHOOK_ALLOW_PRIVATE=1 lets
// them go there): a message through the API is delivered as conversation.created and
// message.created, signed so that a Standard Webhooks verifier accepts it; a receiver that fails
// then succeeds gets the same delivery again, both attempts logged; one that keeps failing is
// disabled; each event reaches each webhook once, whichever pass reads it.
import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disableAfterMs } from "../../src/domain/webhooks/delivery-policy.ts";
import { deliverWebhook } from "../../src/jobs/deliver-webhook.ts";
import { dispatchWebhooks } from "../../src/jobs/dispatch-webhooks.ts";
import { recentIds } from "../../src/realtime/recent-ids.ts";
import { events, webhookDeliveries } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { eventually } from "../helpers/eventually.ts";
import { startReceiver } from "../helpers/webhook-receiver.ts";

let desk: Desk;
const receivers: Array<{ close(): Promise<unknown> }> = [];
beforeAll(async () => {
  desk = await startDesk({ RAPPORT_WEBHOOK_ALLOW_PRIVATE: "1" }, { workers: true });
});
afterAll(async () => {
  await desk?.close();
  for (const r of receivers) await r.close();
});

async function subscribe(url: string, events: string[]) {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/webhooks",
    headers: desk.as("admin"),
    payload: { url, events },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string };
}

async function inbound(email: string) {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("admin"),
    payload: { channel: "form", from: { email }, subject: "Colis", body: "Où est mon colis ?" },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { conversation_id: string; message_id: string };
}

const logOf = async (webhookId: string) =>
  (
    await desk.app.inject({
      method: "GET",
      url: `/api/v1/webhooks/${webhookId}/deliveries`,
      headers: desk.as("admin"),
    })
  ).json().items as Array<Record<string, unknown>>;

describe("webhook deliveries", () => {
  it("delivers a new conversation and its message, signed for a Standard Webhooks verifier", async () => {
    const target = await startReceiver();
    receivers.push(target);
    const hook = await subscribe(target.url, ["conversation.created", "message.created"]);
    const sent = await inbound("marie@example.com");
    await eventually(() => target.received.length >= 3);
    const verifier = new Webhook(hook.secret);
    const payloads = target.received.map(
      (r) =>
        verifier.verify(r.body, r.headers) as {
          type: string;
          timestamp: string;
          data: { id: string; conversation?: { id: string } };
        },
    );
    const created = payloads.find((p) => p.type === "conversation.created");
    expect(created?.data.id).toBe(sent.conversation_id);
    expect(Number.isNaN(Date.parse(created?.timestamp ?? ""))).toBe(false);
    const messages = payloads.filter((p) => p.type === "message.created");
    // The customer's message, then the acknowledgement Rapport queued for them.
    expect(messages.map((m) => m.data.id)).toContain(sent.message_id);
    expect(messages.every((m) => m.data.conversation?.id === sent.conversation_id)).toBe(true);
    expect(target.received[0]?.headers["webhook-signature"]).toMatch(/^v1,/);
    // The receiver answers before the attempt is written: wait for the log to hold every one.
    const log = await eventually(async () => {
      const l = await logOf(hook.id);
      return l.length === target.received.length && l;
    });
    expect(log.every((a) => a.status_code === 200 && a.delivery_status === "delivered")).toBe(true);
    // Once delivered, the body (the customer's words and name) is no longer kept.
    const kept = await desk.booted.rt.db
      .select({ payload: webhookDeliveries.payload, status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, hook.id));
    expect(kept.every((d) => d.status === "delivered" && JSON.stringify(d.payload) === "{}")).toBe(
      true,
    );
    // A pass that forgot what it handed out reads the same events again, and queues nothing.
    const again = await eventually(async () => {
      const queued = await dispatchWebhooks(desk.booted.rt, recentIds(60_000, 1000, Date.now));
      return queued !== null && { queued };
    });
    expect(again.queued).toBe(0);
    expect(new Set(target.received.map((r) => r.headers["webhook-id"])).size).toBe(
      target.received.length,
    );
  });

  it("tries a failed delivery again with the same webhook-id, both attempts in the log", async () => {
    const target = await startReceiver([500, 200]);
    receivers.push(target);
    const hook = await subscribe(target.url, ["conversation.created"]);
    await inbound("paul@example.com");
    await eventually(() => target.received.length >= 2, 30_000);
    const [first, second] = target.received;
    expect(second?.headers["webhook-id"]).toBe(first?.headers["webhook-id"]);
    expect(
      new Webhook(hook.secret).verify(second?.body ?? "", second?.headers ?? {}),
    ).toMatchObject({ type: "conversation.created" });
    const log = await eventually(async () => {
      const l = await logOf(hook.id);
      return l.length === 2 && l;
    });
    expect(log.map((a) => [a.attempt, a.status_code, a.error])).toEqual([
      [2, 200, null],
      [1, 500, "answered 500"],
    ]);
    expect(log[1]?.next_attempt_at).not.toBeNull();
    expect(log[0]?.delivery_status).toBe("delivered");
    const view = await desk.app.inject({
      method: "GET",
      url: `/api/v1/webhooks/${hook.id}`,
      headers: desk.as("admin"),
    });
    expect(view.json()).toMatchObject({
      failing_since: null,
      last_attempt: { status_code: 200, succeeded: true },
    });
  });

  it("disables an endpoint that has failed for five days, until an admin re-enables it", async () => {
    const target = await startReceiver([503]);
    receivers.push(target);
    const hook = await subscribe(target.url, ["customer.updated"]);
    const ping = await desk.app.inject({
      method: "POST",
      url: `/api/v1/webhooks/${hook.id}/test`,
      headers: desk.as("admin"),
    });
    expect(ping.statusCode).toBe(202);
    const deliveryId = ping.json().delivery_id as string;
    await eventually(async () => (await logOf(hook.id)).length === 1);
    // Five days on, by the delivery job's clock: the next attempt fails too.
    const rt = desk.booted.rt;
    const later = new Date(Date.now() + disableAfterMs);
    await deliverWebhook(
      { ...rt, now: () => later },
      { workspaceId: desk.workspaceId, deliveryId },
    );
    const view = await desk.app.inject({
      method: "GET",
      url: `/api/v1/webhooks/${hook.id}`,
      headers: desk.as("admin"),
    });
    expect(view.json()).toMatchObject({ enabled: false, last_attempt: { status_code: 503 } });
    expect(view.json().disabled_reason).toContain("answered 503");
    const [disabled] = await rt.db
      .select()
      .from(events)
      .where(
        and(eq(events.type, "webhook.disabled"), sql`${events.data}->>'webhook_id' = ${hook.id}`),
      );
    expect(disabled).toBeDefined();
    const [delivery] = await rt.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId));
    expect(delivery).toMatchObject({ status: "abandoned", attempts: 2, nextAttemptAt: null });
    const on = await desk.app.inject({
      method: "PATCH",
      url: `/api/v1/webhooks/${hook.id}`,
      headers: desk.as("admin"),
      payload: { enabled: true },
    });
    expect(on.json()).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null });
  });

  it("connects to the address checked, whatever the name resolves to later", async () => {
    const target = await startReceiver();
    receivers.push(target);
    const rt = desk.booted.rt;
    const dns = rt.dns;
    rt.dns = async (name, type) => {
      if (name === "receiver.rapport.test" && type === "A") return ["127.0.0.1"];
      throw Object.assign(new Error("no such name"), { code: "ENOTFOUND" });
    };
    try {
      const hook = await subscribe(`http://receiver.rapport.test:${target.port}/in`, [
        "conversation.created",
      ]);
      await inbound("lea@example.com");
      await eventually(() => target.received.length >= 1);
      expect(target.received[0]?.host).toBe(`receiver.rapport.test:${target.port}`);
      expect(
        new Webhook(hook.secret).verify(
          target.received[0]?.body ?? "",
          target.received[0]?.headers ?? {},
        ),
      ).toBeTruthy();
    } finally {
      rt.dns = dns;
    }
  });
});
