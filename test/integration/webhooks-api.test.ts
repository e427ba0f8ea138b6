// Webhook subscriptions through the API: admins only, the secret shown once (at creation, replayed
// sealed by Idempotency-Key, and at rotation) and never in a read or a log, URLs checked after DNS —
// a loopback, private or metadata address is refused unless RAPPORT_WEBHOOK_ALLOW_PRIVATE=1.
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverWebhook } from "../../src/jobs/deliver-webhook.ts";
import { events, webhooks } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let logged = "";
beforeAll(async () => {
  desk = await startDesk();
  // Everything the runtime logs from here on, to look for the secret in it.
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  desk.booted.rt.log = pino({ level: "trace" }, sink);
});
afterAll(() => desk?.close());

type Role = "admin" | "manager" | "advisor";
const call = (
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  role: Role = "admin",
  payload?: object,
  headers: Record<string, string> = {},
) =>
  desk.app.inject({
    method,
    url,
    headers: { ...desk.as(role), ...headers },
    ...(payload ? { payload } : {}),
  });

const publicUrl = "https://93.184.215.14/rapport-hooks";

const countOf = async (table: typeof webhooks | typeof events) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

describe("webhook subscriptions", () => {
  it("creates one with its secret shown once, then never again", async () => {
    const created = await call("POST", "/api/v1/webhooks", "admin", {
      url: publicUrl,
      events: ["message.created", "conversation.created"],
      description: "CRM sync",
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(body).toMatchObject({
      url: publicUrl,
      events: ["conversation.created", "message.created"],
      description: "CRM sync",
      enabled: true,
      last_attempt: null,
    });
    const one = await call("GET", `/api/v1/webhooks/${body.id}`);
    const list = await call("GET", "/api/v1/webhooks");
    for (const answer of [one.body, list.body]) {
      expect(answer).toContain(body.id);
      expect(answer).not.toContain(body.secret);
      expect(answer).not.toContain("secret");
    }
    const [row] = await desk.booted.rt.db.select().from(webhooks).where(sql`id = ${body.id}`);
    expect(row?.secretSealed).toMatch(/^v1\./);
    expect(row?.secretSealed).not.toContain(body.secret.slice(6));
    const written = await desk.booted.rt.db.select().from(events).where(sql`type like 'webhook.%'`);
    expect(JSON.stringify(written)).not.toContain(body.secret);
    expect(logged).not.toContain(body.secret);
  });

  it("answers the same secret to a retried creation, keeping it sealed meanwhile", async () => {
    const payload = { url: `${publicUrl}/again`, events: ["customer.updated"] };
    const key = { "idempotency-key": "webhook-once" };
    const first = await call("POST", "/api/v1/webhooks", "admin", payload, key);
    const again = await call("POST", "/api/v1/webhooks", "admin", payload, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const kept = await desk.booted.rt.db.execute(
      sql`select response::text as r from idempotency_keys where key = 'webhook-once'`,
    );
    expect(String(kept.rows[0]?.r)).not.toContain(first.json().secret);
  });

  it("rotates the secret, answering the new one once", async () => {
    const created = (
      await call("POST", "/api/v1/webhooks", "admin", {
        url: publicUrl,
        events: ["message.created"],
      })
    ).json();
    const rotated = await call("POST", `/api/v1/webhooks/${created.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(created.secret);
    expect(logged).not.toContain(rotated.json().secret);
  });

  it("changes, disables, re-enables and deletes one", async () => {
    const created = (
      await call("POST", "/api/v1/webhooks", "admin", {
        url: publicUrl,
        events: ["message.created"],
      })
    ).json();
    const off = await call("PATCH", `/api/v1/webhooks/${created.id}`, "admin", { enabled: false });
    expect(off.json()).toMatchObject({ enabled: false, disabled_reason: "disabled by an admin" });
    const on = await call("PATCH", `/api/v1/webhooks/${created.id}`, "admin", {
      enabled: true,
      events: ["conversation.resolved"],
    });
    expect(on.json()).toMatchObject({
      enabled: true,
      disabled_reason: null,
      events: ["conversation.resolved"],
    });
    const gone = await call("DELETE", `/api/v1/webhooks/${created.id}`);
    expect(gone.statusCode).toBe(204);
    expect((await call("GET", `/api/v1/webhooks/${created.id}`)).statusCode).toBe(404);
  });

  it("is for admins only", async () => {
    for (const role of ["manager", "advisor"] as const) {
      expect((await call("GET", "/api/v1/webhooks", role)).statusCode).toBe(403);
      const post = await call("POST", "/api/v1/webhooks", role, {
        url: publicUrl,
        events: ["message.created"],
      });
      expect(post.statusCode).toBe(403);
    }
  });

  it.each([
    ["http://127.0.0.1:8080/hook", "a loopback address"],
    ["http://[::1]/hook", "a loopback address"],
    ["http://[::ffff:10.0.0.1]/hook", "a private address"],
    ["http://169.254.169.254/latest/meta-data", "a cloud metadata address"],
    ["http://192.168.1.20/hook", "a private address"],
    ["http://100.64.1.1/hook", "a carrier-grade NAT address"],
    ["ftp://93.184.215.14/hook", "must start with https:// or http://"],
    ["https://no-such-host.invalid/hook", "does not resolve"],
  ])("refuses %s (%s) and changes nothing", async (url, why) => {
    const before = { webhooks: await countOf(webhooks), events: await countOf(events) };
    const refused = await call("POST", "/api/v1/webhooks", "admin", {
      url,
      events: ["message.created"],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("invalid_input");
    expect(refused.json().errors[0]).toMatchObject({ path: "/url", code: "invalid" });
    expect(refused.json().detail).toContain(why);
    expect({ webhooks: await countOf(webhooks), events: await countOf(events) }).toEqual(before);
  });

  it("refuses an event it cannot send", async () => {
    const refused = await call("POST", "/api/v1/webhooks", "admin", {
      url: publicUrl,
      events: ["message.created", "user.updated"],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe("/events/1");
  });
});

describe("a name that resolves to a private address", () => {
  const answering = (address: string) => async (name: string, type: string) => {
    if (name === "hooks.rapport.test" && type === "A") return [address];
    throw Object.assign(new Error("no such name"), { code: "ENOTFOUND" });
  };

  it("is refused at creation", async () => {
    desk.booted.rt.dns = answering("10.0.0.7");
    const refused = await call("POST", "/api/v1/webhooks", "admin", {
      url: "https://hooks.rapport.test/in",
      events: ["message.created"],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain("hooks.rapport.test resolves to 10.0.0.7");
  });

  it("is refused at delivery, without connecting, when it resolves there later", async () => {
    const rt = desk.booted.rt;
    rt.dns = answering("93.184.215.14");
    const created = await call("POST", "/api/v1/webhooks", "admin", {
      url: "https://hooks.rapport.test/in",
      events: ["message.created"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const ping = await call("POST", `/api/v1/webhooks/${id}/test`);
    rt.dns = answering("::ffff:169.254.169.254");
    const connections: unknown[] = [];
    const outcome = await deliverWebhook(
      rt,
      { workspaceId: desk.workspaceId, deliveryId: ping.json().delivery_id },
      async (...args) => {
        connections.push(args);
        return { statusCode: 200, durationMs: 1, error: null };
      },
    );
    expect(connections).toEqual([]);
    expect(outcome?.error).toContain("a cloud metadata address");
    const log = (await call("GET", `/api/v1/webhooks/${id}/deliveries`)).json().items;
    expect(log).toMatchObject([{ attempt: 1, status_code: null, delivery_status: "pending" }]);
    expect(log[0].error).toContain("hooks.rapport.test resolves to ::ffff:169.254.169.254");
  });
});

describe("a desk that allows private receivers", () => {
  it("accepts a loopback URL", async () => {
    const open = await startDesk({ RAPPORT_WEBHOOK_ALLOW_PRIVATE: "1" });
    try {
      const created = await open.app.inject({
        method: "POST",
        url: "/api/v1/webhooks",
        headers: open.as("admin"),
        payload: { url: "http://127.0.0.1:9/hook", events: ["message.created"] },
      });
      expect(created.statusCode, created.body).toBe(201);
    } finally {
      await open.close();
    }
  });
});
