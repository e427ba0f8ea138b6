// Two `rapport start` processes on one PostgreSQL server database: an event taken by one node
// reaches a stream opened on the other, and the scheduled sweeps and mail jobs still run once.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverUrl } from "../helpers/databases.ts";
import { readEventStream, type StreamEvent } from "../helpers/event-stream.ts";
import { eventually } from "../helpers/eventually.ts";
import {
  type RapportProcess,
  rapportEnv,
  removeDesk,
  startRapport,
  stopRapport,
} from "../helpers/rapport-process.ts";

const folder = mkdtempSync(path.join(tmpdir(), "rapport-nodes-"));
const database = `rapport_nodes_${randomBytes(5).toString("hex")}`;
const admin = { email: "admin@nodes.test", password: "correct horse battery staple" };
const nodes: RapportProcess[] = [];
let a: RapportProcess;
let b: RapportProcess;
let session: { cookie: string; csrf: string };
/** When both nodes were up: a sweep sent from then on had both nodes' schedules to choose from. */
let bothUp: Date;

async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function node(name: string) {
  const env = rapportEnv(path.join(folder, name), {
    DATABASE_URL: serverUrl(database),
    RAPPORT_ADMIN_EMAIL: admin.email,
    RAPPORT_ADMIN_PASSWORD: admin.password,
  });
  const started = await startRapport(env);
  nodes.push(started);
  return started;
}

beforeAll(async () => {
  await onServer(`create database ${database}`);
  // One after the other: the first creates the workspace and the admin, the second finds them.
  a = await node("a");
  b = await node("b");
  bothUp = new Date();
  const signIn = await fetch(`${b.url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
  session = { cookie, csrf: ((await signIn.json()) as { csrf_token: string }).csrf_token };
}, 240_000);

afterAll(async () => {
  await Promise.all(nodes.map((n) => stopRapport(n)));
  await onServer(`drop database if exists ${database} with (force)`);
  // No embedded cluster here: what is left to remove is a process that would not stop, and files.
  removeDesk(path.join(folder, "a"), nodes, folder);
});

type MessageData = { direction: string; conversation: { id: string; subject: string } };
const inboundAbout = (subject: string) => (e: StreamEvent) =>
  e.event === "message.created" &&
  (e.data as MessageData).direction === "inbound" &&
  (e.data as MessageData).conversation.subject === subject;

async function streamOn(n: RapportProcess) {
  const s = await readEventStream(`${n.url}/api/v1/stream`, { cookie: session.cookie });
  expect(s.status).toBe(200);
  await eventually(() => s.retry !== null);
  return s;
}

describe("two Rapport processes on one database", () => {
  it("tell a stream on node B of a message posted through node A, and of a mail taken by A", async () => {
    const onB = await streamOn(b);
    const onA = await streamOn(a);
    try {
      const posted = await fetch(`${a.url}/api/v1/messages/inbound`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: session.cookie,
          "x-csrf-token": session.csrf,
        },
        body: JSON.stringify({
          channel: "form",
          from: { email: "nadia@example.com" },
          subject: "Posted on A",
          body: "Where is my parcel?",
        }),
      });
      expect(posted.status).toBe(201);
      const { conversation_id: conversationId } = (await posted.json()) as {
        conversation_id: string;
      };
      const onBEvent = await onB.next(inboundAbout("Posted on A"));
      expect((onBEvent.data as MessageData).conversation.id).toBe(conversationId);

      const transport = nodemailer.createTransport({
        host: "127.0.0.1",
        port: a.smtpPort,
        secure: false,
        ignoreTLS: true,
      });
      await transport.sendMail({
        envelope: { from: "marie@example.fr", to: ["support@rapport.localhost"] },
        raw:
          "From: Marie <marie@example.fr>\r\nTo: support@rapport.localhost\r\n" +
          `Subject: Mailed to A\r\nMessage-ID: <two-nodes-1@example.fr>\r\nDate: ${new Date().toUTCString()}\r\n` +
          "\r\nMy parcel is late.\r\n",
      });
      await onB.next(inboundAbout("Mailed to A"));
      // Each node's stream tells each event once.
      await onA.next(inboundAbout("Mailed to A"));
      for (const s of [onA, onB]) {
        const ids = s.events.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
      }
      // The mail's acknowledgement is sent by one node only.
      const outboxes = () =>
        ["a", "b"].flatMap((name) => {
          try {
            return readdirSync(path.join(folder, name, "outbox")).filter((f) => f.endsWith(".eml"));
          } catch {
            return [];
          }
        });
      await eventually(() => outboxes().length >= 1);
      expect(outboxes()).toHaveLength(1);
    } finally {
      onA.close();
      onB.close();
    }
  });

  it("run each scheduled sweep once a minute across both nodes", async () => {
    const client = new pg.Client({ connectionString: serverUrl(database) });
    await client.connect();
    try {
      const sweeps = async () =>
        (
          await client.query<{ minute: Date; runs: number; completed: number }>(
            `select date_trunc('minute', created_on) as minute, count(*)::int as runs,
                    count(*) filter (where state = 'completed')::int as completed
               from pgboss.job where name = 'sla-sweep' group by 1 order by 1`,
          )
        ).rows;
      // Both nodes keep the schedule; pg-boss lets one of them send each minute's job.
      await eventually(
        async () => (await sweeps()).some((s) => s.completed > 0 && s.minute >= bothUp),
        150_000,
      );
      const minutes = await sweeps();
      expect(minutes.length).toBeGreaterThan(0);
      expect(minutes.filter((m) => m.runs !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
  }, 200_000);
});
