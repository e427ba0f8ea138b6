// The glance over HTTP and SMTP: structured preferences and tags with an event naming who changed
// them, the summary's tenure, advisor and backup, partner flag, upcoming dates and the mood of the
// last messages, read at intake from what the customer wrote (inbound API and real SMTP).
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { createUser } from "../../src/commands/access/create-user.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { organisations } from "../../src/store/schema/index.ts";
import { testPassword } from "../helpers/desk.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let token: string;
let adminToken: string;
let advisorId: string;
let backupId: string;

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const rt = server.running.booted.rt;
  const workspaceId = server.running.booted.workspaceId;
  const lea = await createUser(
    rt,
    {
      workspaceId,
      email: "lea@glance.test",
      name: "Léa Martin",
      role: "advisor",
      password: testPassword,
    },
    systemActor,
  );
  const paul = await createUser(
    rt,
    {
      workspaceId,
      email: "paul@glance.test",
      name: "Paul Durand",
      role: "advisor",
      password: testPassword,
    },
    systemActor,
  );
  advisorId = lea.id;
  backupId = paul.id;
  token = (
    await createToken(
      rt,
      { workspaceId, name: "léa", role: "advisor", userEmail: lea.email },
      systemActor,
    )
  ).token;
  adminToken = (await createToken(rt, { workspaceId, name: "admin", role: "admin" }, systemActor))
    .token;
});
afterAll(() => server?.stop());

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
type Answer = { status: number; json: any };

async function api(method: string, url: string, body?: object): Promise<Answer> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: await res.json() };
}

async function inbound(email: string, body: string) {
  const res = await api("POST", "/api/v1/messages/inbound", {
    channel: "api",
    from: { email, name: "Camille" },
    subject: "Ma commande",
    body,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { customer_id: string; conversation_id: string; message_id: string };
}

const dayAfter = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("preferences and tags", () => {
  it("keeps structured preferences and tags, with an event naming who added what", async () => {
    const { customer_id: id } = await inbound("camille@glance.test", "Bonjour");
    const res = await api("PATCH", `/api/v1/customers/${id}`, {
      preferences: [
        { kind: "diet", text: "allergic to nuts" },
        { kind: "contact", text: "prefers phone after 18 h" },
        { kind: "diet", text: "Allergic to nuts " },
      ],
      tags: ["#vip", "VIP", "wine lover"],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.preferences).toEqual([
      { kind: "diet", text: "allergic to nuts" },
      { kind: "contact", text: "prefers phone after 18 h" },
    ]);
    expect(res.json.tags).toEqual(["vip", "wine lover"]);

    const removed = await api("PATCH", `/api/v1/customers/${id}`, {
      preferences: [{ kind: "contact", text: "prefers phone after 18 h" }],
    });
    expect(removed.status).toBe(200);

    const timeline = (await api("GET", `/api/v1/customers/${id}/timeline`)).json.items;
    const changes = timeline.filter((e: { type: string }) => e.type === "customer.updated");
    expect(changes).toHaveLength(2);
    const [last, first] = changes;
    expect(first.actor).toMatchObject({ kind: "user", id: advisorId, name: "Léa Martin" });
    expect(first.data.preferences.added).toEqual([
      { kind: "diet", text: "allergic to nuts" },
      { kind: "contact", text: "prefers phone after 18 h" },
    ]);
    expect(first.data.tags).toEqual({ added: ["vip", "wine lover"], removed: [] });
    expect(first.before).toEqual({ preferences: [], tags: [] });
    expect(last.data.preferences).toEqual({
      added: [],
      removed: [{ kind: "diet", text: "allergic to nuts" }],
    });
    expect(last.data.tags).toBeUndefined();
  });

  it("refuses an unknown kind or an empty text with a 400, and changes nothing", async () => {
    const { customer_id: id } = await inbound("refused@glance.test", "Bonjour");
    for (const preferences of [[{ kind: "mood", text: "x" }], [{ kind: "diet", text: "  " }]]) {
      const res = await api("PATCH", `/api/v1/customers/${id}`, { preferences });
      expect(res.status).toBe(400);
    }
    expect((await api("PATCH", `/api/v1/customers/${id}`, { tags: [""] })).status).toBe(400);
    const profile = (await api("GET", `/api/v1/customers/${id}`)).json;
    expect(profile.preferences).toEqual([]);
    const timeline = (await api("GET", `/api/v1/customers/${id}/timeline`)).json.items;
    expect(timeline.some((e: { type: string }) => e.type === "customer.updated")).toBe(false);
  });
});

describe("the glance", () => {
  it("gathers tenure, advisor and backup, preferences, partner flag and upcoming dates", async () => {
    const { customer_id: id } = await inbound("glance@glance.test", "Bonjour");
    const organisationId = "0190a1b2-0000-7000-8000-0000000000ab";
    await server.running.booted.rt.db.insert(organisations).values({
      workspaceId: server.running.booted.workspaceId,
      id: organisationId,
      name: "Partner & Co",
      isPartner: true,
    });
    const soon = dayAfter(3);
    const patched = await api("PATCH", `/api/v1/customers/${id}`, {
      advisor_id: advisorId,
      backup_id: backupId,
      organisation_id: organisationId,
      time_zone: "UTC",
      preferences: [{ kind: "delivery", text: "leave with the caretaker" }],
      tags: ["press"],
      important_dates: [
        { kind: "birthday", date: `1980${soon.slice(4)}` },
        { kind: "renewal", date: dayAfter(45) },
        { kind: "Trade show", date: dayAfter(-2) },
      ],
    });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    const glance = (await api("GET", `/api/v1/customers/${id}/summary`)).json;
    expect(glance).toMatchObject({
      tenure_days: 0,
      advisor: { id: advisorId, name: "Léa Martin" },
      backup: { id: backupId, name: "Paul Durand" },
      preferences: [{ kind: "delivery", text: "leave with the caretaker" }],
      tags: ["press"],
      partner: true,
    });
    expect(glance.customer_since).toEqual(expect.any(String));
    expect(glance.upcoming_dates).toEqual([
      {
        kind: "birthday",
        date: `1980${soon.slice(4)}`,
        on: soon,
        in_days: 3,
        years: Number(soon.slice(0, 4)) - 1980,
      },
    ]);
  });

  it("answers 404 for a customer that is not there", async () => {
    const res = await api("GET", "/api/v1/customers/0190a1b2-0000-7000-8000-000000000404/summary");
    expect(res.status).toBe(404);
  });
});

describe("mood", () => {
  it("reads the mood of a message received through the inbound API, and shows it on the message and the glance", async () => {
    const email = "mood@glance.test";
    await inbound(email, "Merci beaucoup, tout est parfait !");
    const sent = await inbound(email, "Je ne suis pas content, c'est inadmissible.");
    const conversation = (await api("GET", `/api/v1/conversations/${sent.conversation_id}`)).json;
    const message = conversation.messages.find((m: { id: string }) => m.id === sent.message_id);
    expect(message.mood).toEqual({
      label: "negative",
      score: -6,
      words: ["content", "inadmissible"],
      reasons: [
        { word: "content", score: -2, negated: true },
        { word: "inadmissible", score: -4, negated: false },
      ],
    });
    const glance = (await api("GET", `/api/v1/customers/${sent.customer_id}/summary`)).json;
    expect(glance.last_moods.map((m: { mood: { label: string } }) => m.mood.label)).toEqual([
      "negative",
      "positive",
    ]);
    expect(glance.last_moods[0].message_id).toBe(sent.message_id);
  });

  it("reads it from a mail received over SMTP, quoted history aside", async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: server.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const raw = [
      "From: Sam <sam@glance.test>",
      "To: support@rapport.localhost",
      "Subject: Delivery",
      "Message-ID: <mood-smtp-1@glance.test>",
      `Date: ${new Date().toUTCString()}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "The parcel is not bad at all, thanks!",
      "",
      "On Monday, Support wrote:",
      "> terrible awful horrible",
      "",
    ].join("\r\n");
    await transport.sendMail({
      envelope: { from: "sam@glance.test", to: ["support@rapport.localhost"] },
      raw,
    });
    const found = (await api("GET", "/api/v1/customers?email=sam%40glance.test")).json.items;
    expect(found).toHaveLength(1);
    const glance = (await api("GET", `/api/v1/customers/${found[0].id}/summary`)).json;
    expect(glance.last_moods).toHaveLength(1);
    expect(glance.last_moods[0].mood).toMatchObject({
      label: "positive",
      words: ["bad", "thanks"],
    });
  });

  it("forgets the mood's words, the preferences and the tags when the customer's data is erased", async () => {
    const sent = await inbound("erased@glance.test", "C'est inadmissible, je suis furieux.");
    await api("PATCH", `/api/v1/customers/${sent.customer_id}`, {
      preferences: [{ kind: "diet", text: "allergic to nuts" }],
      tags: ["vip"],
    });
    const erase = await fetch(`${server.url}/api/v1/customers/${sent.customer_id}/erase`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(erase.status).toBe(200);
    const conversation = (await api("GET", `/api/v1/conversations/${sent.conversation_id}`)).json;
    // The customer's message and its acknowledgement: no mood is left on either.
    const moods = conversation.messages.map((m: { mood: unknown }) => m.mood);
    expect(moods.length).toBeGreaterThanOrEqual(1);
    expect(new Set(moods)).toEqual(new Set([null]));
    const glance = (await api("GET", `/api/v1/customers/${sent.customer_id}/summary`)).json;
    expect(glance.last_moods).toEqual([]);
    expect(glance).toMatchObject({ preferences: [], tags: [] });
  });
});
