// A person's data rights over the real server (SMTP, jobs, outbox): the export holds everything
// about them and nothing about others; the erasure leaves no trace of their email, name or words in
// any text column of any table (the job queue's included) nor in any file of the data folder.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { unzip } from "../helpers/unzip.ts";

let server: TestServer;
const tokens = { admin: "", manager: "", advisor: "" };

const marie = {
  email: "marie.lefebvre@example.fr",
  name: "Marie Lefebvre",
  sentence: "My violet kettle has been leaking since last Tuesday",
  attachment: "receipt 4471 for the violet kettle",
};
const paul = { email: "paul.girard@example.fr", name: "Paul Girard" };

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const { createToken } = await import("../../src/commands/access/create-token.ts");
  const { systemActor } = await import("../../src/commands/events/record-event.ts");
  const rt = server.running.booted.rt;
  for (const role of ["admin", "manager", "advisor"] as const) {
    tokens[role] = (
      await createToken(
        rt,
        { workspaceId: server.running.booted.workspaceId, name: role, role },
        systemActor,
      )
    ).token;
  }
});
afterAll(() => server?.stop());

type Role = keyof typeof tokens;

function call(role: Role, method: string, url: string, body?: object, headers = {}) {
  return fetch(`${server.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[role]}`,
      ...(body ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function json(
  role: Role,
  method: string,
  url: string,
  body?: object,
  headers = {},
  // biome-ignore lint/suspicious/noExplicitAny: test answers are checked field by field
): Promise<any> {
  const res = await call(role, method, url, body, headers);
  expect(res.status, `${method} ${url}`).toBeLessThan(300);
  return res.json();
}

function mailFrom(who: { email: string; name: string }, subject: string, id: string) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: server.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  return transport.sendMail({
    from: `${who.name} <${who.email}>`,
    to: "support@rapport.localhost",
    subject,
    messageId: `<${id}@example.fr>`,
    text: `Hello,\n\n${who === marie ? marie.sentence : "Where is my parcel?"}.\n\n${who.name}`,
    attachments:
      who === marie ? [{ filename: "receipt.txt", content: marie.attachment }] : undefined,
  });
}

async function until<T>(probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let tries = 0; tries < 200; tries++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the condition never held");
}

const outbox = () => path.join(server.dataDir, "outbox");
const outboxFiles = () =>
  existsSync(outbox()) ? readdirSync(outbox()).filter((f) => f.endsWith(".eml")) : [];

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** Each text, JSON or tsvector column of every table (ours and the job queue's) holding `needle`. */
async function columnsHolding(needle: string): Promise<string[]> {
  const db = server.running.booted.rt.db;
  const columns = await db.execute<{
    table_schema: string;
    table_name: string;
    column_name: string;
  }>(sql`
    select c.table_schema, c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema in ('public', 'pgboss', 'drizzle') and t.table_type = 'BASE TABLE'
      and (c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
           or c.udt_name = 'tsvector')`);
  const found: string[] = [];
  for (const c of columns.rows) {
    const column = sql`${sql.identifier(c.table_schema)}.${sql.identifier(c.table_name)}.${sql.identifier(c.column_name)}`;
    const hits = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from ${sql.identifier(c.table_schema)}.${sql.identifier(c.table_name)}
      where position(lower(${needle}) in lower(${column}::text)) > 0`);
    if ((hits.rows[0]?.n ?? 0) > 0)
      found.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
  }
  return found;
}

let marieId = "";
let marieConversation = { id: "", reference: "" };
let paulConversation = "";

describe("a person's data rights", () => {
  beforeAll(async () => {
    await mailFrom(marie, "Leaking kettle", "kettle-1");
    await mailFrom(paul, "Parcel", "parcel-1");
    const list = await json(
      "advisor",
      "GET",
      `/api/v1/conversations?customer_email=${marie.email}`,
    );
    marieConversation = list.items[0];
    marieId = list.items[0].customer_id;
    paulConversation = (
      await json("advisor", "GET", `/api/v1/conversations?customer_email=${paul.email}`)
    ).items[0].id;
    // A reply that names her, and a write through the API with an Idempotency-Key whose answer is kept.
    await json("advisor", "POST", `/api/v1/conversations/${marieConversation.id}/messages`, {
      kind: "reply",
      body: `Dear ${marie.name}, a new kettle is on its way.`,
    });
    await json(
      "advisor",
      "POST",
      "/api/v1/messages/inbound",
      {
        channel: "form",
        from: { email: marie.email, name: marie.name },
        subject: "Again",
        body: `${marie.sentence}, still.`,
      },
      { "idempotency-key": "form-kettle-1" },
    );
    // Every mail sent about them (acknowledgements, the reply) reaches the outbox first.
    const delivered = async (id: string) => {
      const c = await json("advisor", "GET", `/api/v1/conversations/${id}`);
      return c.messages.every((m: { delivery: string | null }) => m.delivery !== "queued");
    };
    const formConversation = (
      await json("advisor", "GET", `/api/v1/conversations?customer_email=${marie.email}`)
    ).items.find((c: { id: string }) => c.id !== marieConversation.id).id;
    await until(
      async () =>
        (await delivered(marieConversation.id)) &&
        (await delivered(formConversation)) &&
        (await delivered(paulConversation)),
    );
    expect(outboxFiles().length).toBeGreaterThanOrEqual(3);
  });

  it("exports everything about the customer as a ZIP, to managers and admins only", async () => {
    expect((await call("advisor", "GET", `/api/v1/customers/${marieId}/export`)).status).toBe(403);
    const missing = await call(
      "manager",
      "GET",
      "/api/v1/customers/0190a1b2-0000-7000-8000-0000000000ee/export",
    );
    expect(missing.status).toBe(404);

    const res = await call("manager", "GET", `/api/v1/customers/${marieId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="customer-/);
    const entries = await unzip(Buffer.from(await res.arrayBuffer()));
    const names = [...entries.keys()];

    const profile = JSON.parse(entries.get("customer.json")?.toString() ?? "{}");
    expect(profile.customer).toMatchObject({ id: marieId, name: marie.name });
    expect(profile.customer.identities.map((i: { value: string }) => i.value)).toEqual([
      marie.email,
    ]);

    const thread = JSON.parse(
      entries.get(`conversations/${marieConversation.reference}.json`)?.toString() ?? "{}",
    );
    expect(thread.subject).toBe("Leaking kettle");
    const bodies = thread.messages.map((m: { body_text: string }) => m.body_text).join("\n");
    expect(bodies).toContain(marie.sentence);
    expect(bodies).toContain(`Dear ${marie.name}`);
    const inbound = thread.messages.find((m: { direction: string }) => m.direction === "inbound");
    expect(inbound.attachments).toHaveLength(1);
    expect(names.filter((n) => n.startsWith("conversations/"))).toHaveLength(2);

    const raw = entries.get(`mail/${inbound.id}.eml`)?.toString() ?? "";
    expect(raw).toContain(`Message-ID: <kettle-1@example.fr>`);
    const attached = names.find((n) => n.startsWith(`attachments/${inbound.id}/`));
    expect(attached).toMatch(/-receipt\.txt$/);
    expect(entries.get(attached ?? "")?.toString()).toBe(marie.attachment);

    const events = JSON.parse(entries.get("events.json")?.toString() ?? "[]");
    expect(events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(["customer.created", "conversation.created", "message.received"]),
    );
    // Nothing about anyone else.
    const all = [...entries.values()].map((b) => b.toString()).join("\n");
    expect(all).not.toContain(paul.email);
    expect(all).not.toContain(paulConversation);
  });

  it("erases the customer everywhere, for admins only, and leaves others and the charter's figures alone", async () => {
    expect((await call("manager", "POST", `/api/v1/customers/${marieId}/erase`)).status).toBe(403);
    expect((await call("advisor", "POST", `/api/v1/customers/${marieId}/erase`)).status).toBe(403);
    const day = 86_400_000;
    const period = `from=${new Date(Date.now() - day).toISOString()}&to=${new Date(Date.now() + day).toISOString()}`;
    const charter = () => json("admin", "GET", `/api/v1/reports/charter?${period}`);
    const owed = async () =>
      (await json("admin", "GET", "/api/v1/unanswered?limit=100")).items.map(
        (c: { id: string }) => c.id,
      );
    expect(await owed()).toContain(marieConversation.id);
    const before = await charter();
    for (const needle of [marie.email, marie.name, marie.sentence]) {
      expect((await columnsHolding(needle)).length, needle).toBeGreaterThan(0);
    }

    const erased = await json("admin", "POST", `/api/v1/customers/${marieId}/erase`);
    // Her mail, its acknowledgement and the reply; her form message and its acknowledgement.
    expect(erased).toMatchObject({ customer_id: marieId, conversations: 2, messages: 5 });

    for (const needle of [marie.email, marie.name, marie.sentence, marie.attachment]) {
      expect(await columnsHolding(needle), needle).toEqual([]);
      for (const file of filesUnder(server.dataDir)) {
        expect(
          readFileSync(file).toString("latin1").toLowerCase(),
          `${needle} in ${file}`,
        ).not.toContain(needle.toLowerCase());
      }
    }
    expect(await charter()).toEqual(before);
    // Nobody is left to answer: out of the unanswered watch, Paul still in it.
    expect(await owed()).not.toContain(marieConversation.id);
    expect(await owed()).toContain(paulConversation);
    const timeline = await json("admin", "GET", `/api/v1/customers/${marieId}/timeline?limit=100`);
    expect(timeline.items[0]).toMatchObject({
      type: "customer.erased",
      data: { conversations: 2, messages: 5 },
    });
    // What came before shows without its data, never as a 500 for a payload the erasure blanked.
    expect(timeline.items.length).toBeGreaterThan(1);
    for (const entry of timeline.items.slice(1)) expect(entry.data, entry.type).toBeNull();
    const profile = await json("admin", "GET", `/api/v1/customers/${marieId}`);
    expect(profile).toMatchObject({ name: "", identities: [] });
    const kept = await json("advisor", "GET", `/api/v1/conversations/${marieConversation.id}`);
    expect(kept).toMatchObject({ subject: "", reference: marieConversation.reference });
    // Paul is untouched.
    const his = await json("advisor", "GET", `/api/v1/conversations/${paulConversation}`);
    expect(his.messages[0].body_text).toContain("Where is my parcel?");
    expect(await columnsHolding(paul.email)).not.toEqual([]);
    // Once more is harmless: nothing is left to erase.
    expect((await call("admin", "POST", `/api/v1/customers/${marieId}/erase`)).status).toBe(200);
  });
});
