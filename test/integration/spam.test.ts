// Spam over real SMTP: stored, never acknowledged, out of the unanswered watch; "not spam" brings it
// back with its clocks starting then and its acknowledgement sent, once; the model learns from the
// marks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { isBayesModel } from "../../src/domain/mail/bayes.ts";
import { messages, spamModels } from "../../src/store/schema/index.ts";
import { eventually } from "../helpers/eventually.ts";
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

const smtp = () =>
  nodemailer.createTransport({ host: "127.0.0.1", port: server.smtpPort, ignoreTLS: true });

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
    const info = await smtp().sendMail({
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

/** Documents the workspace's model has learnt, per class. */
async function learnt() {
  const [row] = await server.running.booted.rt.db.select().from(spamModels);
  return row && isBayesModel(row.model) ? row.model.documents : { spam: 0, not_spam: 0 };
}

/** Lessons the job queue has finished with. */
async function lessonsTaken(): Promise<number> {
  const { rows } = await server.running.booted.rt.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job where name = 'learn-spam-lessons' and state = 'completed'`,
  );
  return rows[0]?.n ?? 0;
}

async function sendMail(subject: string, text: string): Promise<string> {
  const info = await smtp().sendMail({
    from: "Lena <lena@customer.example>",
    to: "support@rapport.localhost",
    subject,
    text,
  });
  expect(info.response).toMatch(/^250/);
  const list = await api("GET", `/api/v1/conversations?q=${encodeURIComponent(subject)}`);
  expect(list.items).toHaveLength(1);
  return list.items[0].id;
}

describe("the spam model learns from what advisors do", () => {
  it("an advisor's answer teaches it what customers write, once", async () => {
    const id = await sendMail("Parcel lost near Lyon", "My parcel never came, can you look?");
    const before = await learnt();
    await api("POST", `/api/v1/conversations/${id}/messages`, { kind: "reply", body: "On it." });
    await vi.waitFor(async () => expect((await learnt()).not_spam).toBe(before.not_spam + 1), {
      timeout: 10_000,
      interval: 100,
    });
    const db = server.running.booted.rt.db;
    const inbound = (await db.select().from(messages)).filter(
      (m) => m.conversationId === id && m.direction === "inbound",
    );
    expect(inbound.map((m) => m.flags)).toEqual([expect.arrayContaining(["marked_not_spam"])]);
    // The second answer's lesson is taken too, and learns nothing new.
    const taken = await lessonsTaken();
    await api("POST", `/api/v1/conversations/${id}/messages`, { kind: "reply", body: "Found it." });
    await vi.waitFor(async () => expect(await lessonsTaken()).toBe(taken + 1), {
      timeout: 10_000,
      interval: 100,
    });
    expect((await learnt()).not_spam).toBe(before.not_spam + 1);
  });

  it("closing a conversation as spam teaches it spam", async () => {
    const id = await sendMail("Cheap watches for you", "Replica watches at the best prices.");
    const before = await learnt();
    await api("PATCH", `/api/v1/conversations/${id}`, {
      status: "resolved",
      close_reason: "spam",
    });
    await vi.waitFor(async () => expect((await learnt()).spam).toBe(before.spam + 1), {
      timeout: 10_000,
      interval: 100,
    });
  });
});

/** The mails in the outbox sent to `address`. */
function outboxTo(address: string): string[] {
  const folder = path.join(server.dataDir, "outbox");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => readFileSync(path.join(folder, f), "utf8"))
    .filter((mail) => new RegExp(`^To: .*${address}`, "mi").test(mail));
}

/** Waits until no mail is queued in the conversation: what will leave has left. */
async function settled(id: string) {
  return eventually(async () => {
    const c = await api("GET", `/api/v1/conversations/${id}`);
    return c.messages.some((m: { delivery: string | null }) => m.delivery === "queued") ? null : c;
  });
}

const rawMail = (from: string, subject: string, extra: string[] = []) =>
  [
    `From: ${from}`,
    "To: support@rapport.localhost",
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W/g, "")}@example.org>`,
    "Date: Mon, 30 Nov 2026 10:00:00 +0000",
    ...extra,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello, my order never arrived. Could you look into it?",
    "",
  ].join("\r\n");

async function send(from: string, raw: string) {
  const info = await smtp().sendMail({
    envelope: { from, to: ["support@rapport.localhost"] },
    raw,
  });
  expect(info.response).toMatch(/^250/);
}

// "Not spam" never sends a mail a second acknowledgement: the outbox (every mail that leaves) holds
// one acknowledgement however often an advisor changes their mind.
describe("not spam", () => {
  it("does not acknowledge again a mail that was acknowledged", async () => {
    await send("lea@example.org", rawMail("lea@example.org", "Order missing"));
    const [row] = (await api("GET", "/api/v1/conversations?customer_email=lea@example.org")).items;
    await settled(row.id);
    expect(outboxTo("lea@example.org")).toHaveLength(1);

    await api("POST", `/api/v1/conversations/${row.id}/spam`, { spam: true });
    const back = await api("POST", `/api/v1/conversations/${row.id}/spam`, { spam: false });
    expect(back.owed_answer).toBe(true);
    const c = await settled(row.id);
    expect(c.messages.filter((m: { automated: boolean }) => m.automated)).toHaveLength(1);
    expect(outboxTo("lea@example.org")).toHaveLength(1);
  });

  it("acknowledges a mail first scored as spam once, however often it is marked", async () => {
    await send(
      "tom@example.org",
      rawMail("tom@example.org", "Where is my parcel", [
        "Authentication-Results: mx.example; spf=fail smtp.mailfrom=example.org; dmarc=fail header.from=example.org",
        "X-Spam-Flag: YES",
        "X-Spam-Status: Yes, score=25.0",
      ]),
    );
    const [row] = (await api("GET", "/api/v1/conversations?customer_email=tom@example.org")).items;
    if (!row.spam) await api("POST", `/api/v1/conversations/${row.id}/spam`, { spam: true });
    expect(outboxTo("tom@example.org")).toHaveLength(0);

    await api("POST", `/api/v1/conversations/${row.id}/spam`, { spam: false });
    await settled(row.id);
    expect(outboxTo("tom@example.org")).toHaveLength(1);
    await api("POST", `/api/v1/conversations/${row.id}/spam`, { spam: true });
    await api("POST", `/api/v1/conversations/${row.id}/spam`, { spam: false });
    await settled(row.id);
    expect(outboxTo("tom@example.org")).toHaveLength(1);
  });
});
