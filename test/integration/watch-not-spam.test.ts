// "Not spam" never sends a mail a second acknowledgement: over real SMTP with the job workers, the
// outbox (every mail that leaves) holds one acknowledgement however often an advisor changes their mind.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { createUser } from "../../src/commands/access/create-user.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const { rt, workspaceId } = server.running.booted;
  await createUser(
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

/** The mails in the outbox sent to `address`. */
function outboxTo(address: string): string[] {
  const folder = path.join(server.dataDir, "outbox");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => readFileSync(path.join(folder, f), "utf8"))
    .filter((mail) => new RegExp(`^To: .*${address}`, "mi").test(mail));
}

async function eventually<T>(probe: () => T | null | Promise<T | null>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until no mail is queued in the conversation: what will leave has left. */
async function settled(id: string) {
  return eventually(async () => {
    const c = await api("GET", `/api/v1/conversations/${id}`);
    return c.messages.some((m: { delivery: string | null }) => m.delivery === "queued") ? null : c;
  });
}

const mail = (from: string, subject: string, extra: string[] = []) =>
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
  const info = await nodemailer
    .createTransport({ host: "127.0.0.1", port: server.smtpPort, ignoreTLS: true })
    .sendMail({ envelope: { from, to: ["support@rapport.localhost"] }, raw });
  expect(info.response).toMatch(/^250/);
}

describe("not spam", () => {
  it("does not acknowledge again a mail that was acknowledged", async () => {
    await send("lea@example.org", mail("lea@example.org", "Order missing"));
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
      mail("tom@example.org", "Where is my parcel", [
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
