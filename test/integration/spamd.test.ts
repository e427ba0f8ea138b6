// The optional SpamAssassin adapter against a real local spamd (--local: no network tests): its
// verdict joins the built-in one; when spamd is down, mail is still taken and scored by Rapport alone.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, Socket } from "node:net";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const spamdBinary = "/usr/sbin/spamd";
if (!existsSync(spamdBinary) && process.env.CI === "true") {
  throw new Error("spamd is required when CI=true (Debian package spamd)");
}
const available = existsSync(spamdBinary);

let spamd: ChildProcess | null = null;
let server: TestServer;
let token: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });

async function spamdReady(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      let text = "";
      socket.on("data", (d) => (text += d));
      socket.on("end", () => resolve(text.includes("PONG")));
      socket.on("error", () => resolve(false));
      socket.connect(port, "127.0.0.1", () => socket.end("PING SPAMC/1.5\r\n\r\n"));
    });
    if (pong) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("spamd did not start");
}

beforeAll(async () => {
  if (!available) return;
  const port = await freePort();
  spamd = spawn(
    spamdBinary,
    [
      "--local",
      `--listen=127.0.0.1:${port}`,
      "-u",
      "nobody",
      "-x",
      "--max-children=1",
      "--syslog=stderr",
    ],
    {
      stdio: ["ignore", "ignore", "ignore"],
      detached: true, // its own process group: stopping it stops its children too
    },
  );
  await spamdReady(port);
  server = await startTestServer({ RAPPORT_DEMO: "0", RAPPORT_SPAMD: `127.0.0.1:${port}` });
  token = (
    await createToken(
      server.running.booted.rt,
      { workspaceId: server.running.booted.workspaceId, name: "t", role: "admin" },
      systemActor,
    )
  ).token;
}, 120_000);
afterAll(async () => {
  await server?.stop();
  stopSpamd("SIGTERM");
});

function stopSpamd(signal: NodeJS.Signals) {
  if (spamd?.pid) {
    try {
      process.kill(-spamd.pid, signal);
    } catch {
      // already gone
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
async function conversationOf(email: string): Promise<any> {
  const list = await (
    await fetch(`${server.url}/api/v1/conversations?customer_email=${email}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json();
  const id = (list as { items: Array<{ id: string }> }).items[0]?.id;
  return (
    await fetch(`${server.url}/api/v1/conversations/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json();
}

const send = (from: string, subject: string, body: string) =>
  nodemailer
    .createTransport({ host: "127.0.0.1", port: server.smtpPort, secure: false, ignoreTLS: true })
    .sendMail({
      envelope: { from, to: ["support@rapport.localhost"] },
      raw: `From: ${from}\r\nTo: support@rapport.localhost\r\nSubject: ${subject}\r\nMessage-ID: <${subject.length}.${Date.now()}@example.org>\r\nDate: ${new Date().toUTCString()}\r\n\r\n${body}\r\n`,
    });

describe.runIf(available)("a local SpamAssassin", () => {
  it("files the GTUBE test mail as spam, saying why", async () => {
    const info = await send(
      "tester@example.org",
      "test",
      "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X",
    );
    expect(info.response).toMatch(/^250/);
    const c = await conversationOf("tester@example.org");
    expect(c.spam).toBe(true);
    const reason = c.messages[0].spam_reasons.find(
      (r: { rule: string }) => r.rule === "spamassassin",
    );
    expect(reason.detail).toMatch(/GTUBE/);
    expect(c.messages.filter((m: { automated: boolean }) => m.automated)).toHaveLength(0);
  });

  it("lets a customer's ordinary mail through and acknowledges it", async () => {
    await send(
      "mia@example.org",
      "Exchange a lamp",
      "Hello, the lamp I bought is too small; can I exchange it for the larger one?",
    );
    const c = await conversationOf("mia@example.org");
    expect(c.spam).toBe(false);
    expect(c.messages.filter((m: { automated: boolean }) => m.automated)).toHaveLength(1);
  });

  it("still takes mail when spamd is gone", async () => {
    stopSpamd("SIGKILL");
    await new Promise((r) => setTimeout(r, 300));
    const info = await send("leo@example.org", "Still there?", "Hello, is my order on its way?");
    expect(info.response).toMatch(/^250/);
    const c = await conversationOf("leo@example.org");
    expect(c.spam).toBe(false);
  });
});
