// What one sender may hold of the SMTP listener, over real SMTP conversations: connections in
// total and per client address, recipients per transaction, the DATA deadline, and STARTTLS
// with the configured certificate.

import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let token: string;
let certificateDir: string;

beforeAll(async () => {
  certificateDir = mkdtempSync(path.join(tmpdir(), "rapport-tls-"));
  await promisify(execFile)("openssl", [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=mail.rapport.test",
    "-addext",
    "subjectAltName=DNS:mail.rapport.test",
    "-keyout",
    path.join(certificateDir, "key.pem"),
    "-out",
    path.join(certificateDir, "cert.pem"),
  ]);
  server = await startTestServer({
    RAPPORT_DEMO: "0",
    SMTP_MAX_CONNECTIONS: "3",
    SMTP_MAX_CONNECTIONS_PER_CLIENT: "2",
    SMTP_DATA_TIMEOUT: "1",
    SMTP_TLS_CERT: path.join(certificateDir, "cert.pem"),
    SMTP_TLS_KEY: path.join(certificateDir, "key.pem"),
  });
  const { createToken } = await import("../../src/commands/access/create-token.ts");
  const { systemActor } = await import("../../src/commands/events/record-event.ts");
  token = (
    await createToken(
      server.running.booted.rt,
      { workspaceId: server.running.booted.workspaceId, name: "t", role: "admin" },
      systemActor,
    )
  ).token;
});
afterAll(async () => {
  await server?.stop();
  rmSync(certificateDir, { recursive: true, force: true });
});

async function conversationsOf(email: string): Promise<unknown[]> {
  const res = await fetch(`${server.url}/api/v1/conversations?customer_email=${email}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: unknown[] }).items;
}

/** A raw SMTP client: each line the server sends, and whether it hung up. */
type RawClient = {
  socket: Socket;
  /** The next reply (its last line), or null when the server closed the connection first. */
  reply(): Promise<string | null>;
  closed: Promise<void>;
  quit(): Promise<void>;
};

function connect(localAddress = "127.0.0.1"): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const lines: string[] = [];
    const waiting: Array<(line: string | null) => void> = [];
    let buffer = "";
    let ended = false;
    const closed = new Promise<void>((done) => socket.once("close", () => done()));
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (let at = buffer.indexOf("\r\n"); at >= 0; at = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (/^\d{3}-/.test(line)) continue; // a continued multi-line reply
        const next = waiting.shift();
        if (next) next(line);
        else lines.push(line);
      }
    });
    socket.on("close", () => {
      ended = true;
      for (const next of waiting.splice(0)) next(null);
    });
    socket.on("error", () => {});
    const client: RawClient = {
      socket,
      reply: () => {
        const line = lines.shift();
        if (line !== undefined) return Promise.resolve(line);
        if (ended) return Promise.resolve(null);
        return new Promise((r) => waiting.push(r));
      },
      closed,
      async quit() {
        if (!ended) socket.write("QUIT\r\n");
        await closed;
      },
    };
    socket.once("error", reject);
    socket.connect({ port: server.smtpPort, host: "127.0.0.1", localAddress }, () =>
      resolve(client),
    );
  });
}

describe("SMTP limits", () => {
  it("caps connections per client address and in total, and frees a place when one leaves", async () => {
    const first = await connect("127.0.0.1");
    const second = await connect("127.0.0.1");
    expect(await first.reply()).toMatch(/^220 /);
    expect(await second.reply()).toMatch(/^220 /);

    const third = await connect("127.0.0.1");
    expect(await third.reply()).toMatch(/^421 .*too many connections from your address/);
    await third.closed;

    const other = await connect("127.0.0.2");
    expect(await other.reply()).toMatch(/^220 /);
    const beyondTotal = await connect("127.0.0.3");
    expect(await beyondTotal.reply()).toMatch(/^421 /);
    await beyondTotal.closed;

    await first.quit();
    const again = await connect("127.0.0.1");
    expect(await again.reply()).toMatch(/^220 /);
    await Promise.all([second.quit(), other.quit(), again.quit()]);
  });

  it("takes 100 recipients in one transaction and answers 452 to the 101st", async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: server.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const to = Array.from({ length: 101 }, (_, i) => `support+r${i}@rapport.localhost`);
    const info = await transport.sendMail({
      envelope: { from: "many@example.com", to },
      raw: "From: many@example.com\r\nTo: support@rapport.localhost\r\nSubject: Many\r\nMessage-ID: <many-1@example.com>\r\n\r\nHello.\r\n",
    });
    expect(info.accepted).toHaveLength(100);
    expect(info.rejected).toEqual(["support+r100@rapport.localhost"]);
    expect(info.rejectedErrors?.[0]).toMatchObject({ responseCode: 452 });
    expect(await conversationsOf("many@example.com")).toHaveLength(1);
  });

  it("cuts a sender whose DATA phase outlasts the deadline, even one that keeps trickling bytes", async () => {
    const client = await connect("127.0.0.4");
    expect(await client.reply()).toMatch(/^220 /);
    client.socket.write("EHLO slow.example\r\n");
    expect(await client.reply()).toMatch(/^250 /);
    client.socket.write("MAIL FROM:<slow@example.com>\r\n");
    expect(await client.reply()).toMatch(/^250 /);
    client.socket.write("RCPT TO:<support@rapport.localhost>\r\n");
    expect(await client.reply()).toMatch(/^250 /);
    client.socket.write("DATA\r\n");
    expect(await client.reply()).toMatch(/^354 /);
    client.socket.write("From: slow@example.com\r\nSubject: slow\r\n\r\n");
    const trickle = setInterval(() => client.socket.write("x"), 100);
    try {
      expect(await client.reply()).toMatch(/^421 .*took too long/);
      await client.closed;
    } finally {
      clearInterval(trickle);
    }
    expect(await conversationsOf("slow@example.com")).toHaveLength(0);
  });

  it("offers STARTTLS with the configured certificate and takes mail over it", async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: server.smtpPort,
      secure: false,
      requireTLS: true,
      tls: {
        ca: readFileSync(path.join(certificateDir, "cert.pem")),
        servername: "mail.rapport.test",
      },
    });
    const info = await transport.sendMail({
      envelope: { from: "tls@example.com", to: ["support@rapport.localhost"] },
      raw: "From: tls@example.com\r\nTo: support@rapport.localhost\r\nSubject: Over TLS\r\nMessage-ID: <tls-1@example.com>\r\n\r\nEncrypted hello.\r\n",
    });
    expect(info.response).toMatch(/^250 /);
    expect(await conversationsOf("tls@example.com")).toHaveLength(1);
  });
});
