// Spam over real SMTP: stored, never acknowledged, out of the unanswered watch; "not spam" brings it
// back with its clocks starting then and its acknowledgement sent; the model learns from the marks.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { spamModels } from "../../src/store/schema/index.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const rt = server.running.booted.rt;
  const workspaceId = server.running.booted.workspaceId;
  const users = await import("../../src/commands/access/create-user.ts");
  await users.createUser(
    rt,
    { workspaceId, email: "sam@desk.test", name: "Sam", role: "advisor" },
    systemActor,
  );
  token = (
    await createToken(
      rt,
      { workspaceId, name: "t", role: "advisor", userEmail: "sam@desk.test" },
      systemActor,
    )
  ).token;
});
afterAll(() => server?.stop());

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
async function api(method: string, url: string, body?: object): Promise<any> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.status, `${method} ${url}`).toBeLessThan(300);
  return res.json();
}

const phishing = [
  "From: Security Team <alerts@paypa1-secure.example>",
  "To: support@rapport.localhost",
  "Subject: URGENT!!! VERIFY YOUR ACCOUNT NOW",
  "Authentication-Results: mx.example; spf=fail smtp.mailfrom=paypa1-secure.example; dmarc=fail header.from=paypa1-secure.example",
  "Message-ID: <phish-1@paypa1-secure.example>",
  "Date: Mon, 23 Nov 2026 10:00:00 +0000",
  "MIME-Version: 1.0",
  "Content-Type: text/html; charset=utf-8",
  "",
  '<p>You have won! Act now: <a href="http://bit.ly/xyz">https://www.paypal.com/verify</a></p>',
  "",
].join("\r\n");

describe("spam", () => {
  it("is stored but never acknowledged nor awaited, with reasons an advisor can read", async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: server.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const info = await transport.sendMail({
      envelope: { from: "alerts@paypa1-secure.example", to: ["support@rapport.localhost"] },
      raw: phishing,
    });
    expect(info.response).toMatch(/^250/);
    const list = await api("GET", "/api/v1/conversations?spam=true");
    expect(list.items).toHaveLength(1);
    const c = await api("GET", `/api/v1/conversations/${list.items[0].id}`);
    expect(c.spam).toBe(true);
    expect(c.messages.filter((m: { automated: boolean }) => m.automated)).toHaveLength(0);
    const reasons = c.messages[0].spam_reasons.map((r: { rule: string }) => r.rule);
    expect(reasons).toEqual(
      expect.arrayContaining(["dmarc_fail", "deceptive_link", "url_shortener"]),
    );
    expect(c.messages[0].spam_score).toBeGreaterThanOrEqual(5);
    const unanswered = await api("GET", "/api/v1/unanswered");
    expect(unanswered.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it("marked not spam, starts its clocks from then and gets its acknowledgement", async () => {
    const list = await api("GET", "/api/v1/conversations?spam=true");
    const id = list.items[0].id;
    const before = Date.now();
    const marked = await api("POST", `/api/v1/conversations/${id}/spam`, { spam: false });
    expect(marked.spam).toBe(false);
    expect(new Date(marked.awaiting_answer_since).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const c = await api("GET", `/api/v1/conversations/${id}`);
    expect(c.messages.filter((m: { automated: boolean }) => m.automated)).toHaveLength(1);
    const unanswered = await api("GET", "/api/v1/unanswered");
    expect(unanswered.items.map((i: { id: string }) => i.id)).toContain(id);
    const [model] = await server.running.booted.rt.db.select().from(spamModels);
    expect(JSON.stringify(model?.model)).toMatch(/verify/);
  });

  it("marked spam again, leaves the unanswered watch", async () => {
    const list = await api("GET", "/api/v1/conversations?spam=false");
    const id = list.items[0].id;
    await api("POST", `/api/v1/conversations/${id}/spam`, { spam: true });
    const unanswered = await api("GET", "/api/v1/unanswered");
    expect(unanswered.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it("is purged after the workspace's retention, with its bytes, leaving the audit trail", async () => {
    const { purgeSpam } = await import("../../src/jobs/purge-spam.ts");
    const { events } = await import("../../src/store/schema/index.ts");
    const rt = server.running.booted.rt;
    const list = await api("GET", "/api/v1/conversations?spam=true");
    expect(list.items.length).toBeGreaterThan(0);
    expect(await purgeSpam({ ...rt, now: () => new Date(Date.now() + 29 * 86_400_000) })).toBe(0);
    const admin = await createToken(
      rt,
      { workspaceId: server.running.booted.workspaceId, name: "adm", role: "admin" },
      systemActor,
    );
    const patched = await fetch(`${server.url}/api/v1/workspace`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
      body: JSON.stringify({ spam_retention_days: 10 }),
    });
    expect(patched.status).toBe(200);
    expect(await purgeSpam({ ...rt, now: () => new Date(Date.now() + 11 * 86_400_000) })).toBe(
      list.items.length,
    );
    expect((await api("GET", "/api/v1/conversations?spam=true")).items).toHaveLength(0);
    const trail = await rt.db.select().from(events);
    expect(trail.filter((e) => e.type === "conversation.purged")).toHaveLength(list.items.length);
  });
});
