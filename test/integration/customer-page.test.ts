// The customer page through the API: editing a profile (addresses, numbers, contact times, important
// dates) with a typed event per change, logging a call or a visit with when and how long, and a
// timeline whose entries carry their conversation's subject and their message's excerpt.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerIdentities, events, messages } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

const call = (
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  desk.app.inject({
    method,
    url,
    headers: { ...desk.as("advisor"), ...headers },
    ...(payload ? { payload } : {}),
  });

const countOf = async (table: typeof events | typeof messages | typeof customerIdentities) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

async function write(email: string, name: string, subject = "A question", body = "Hello") {
  const res = await call("POST", "/api/v1/messages/inbound", {
    channel: "api",
    from: { email, name },
    subject,
    body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { customer_id: string; conversation_id: string; message_id: string };
}

type Entry = {
  type: string;
  data: Record<string, unknown> | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  conversation: { subject: string; reference: string } | null;
  message?: {
    direction: string;
    channel: string;
    author: { kind: string; name: string };
    subject: string;
    excerpt: string;
  } | null;
};

async function timeline(customerId: string): Promise<Entry[]> {
  const res = await call("GET", `/api/v1/customers/${customerId}/timeline?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe("editing a customer's profile", () => {
  it("edits addresses, numbers, contact times and important dates, with one event saying what changed", async () => {
    const ines = await write("ines@profile.test", "Ines");
    const url = `/api/v1/customers/${ines.customer_id}`;
    const res = await call("PATCH", url, {
      name: "Inès Moreau",
      emails: ["Ines@Profile.test", "ines.moreau@Work.test"],
      phones: ["+33 6 12 34 56 78"],
      contact_times: "weekdays after 18:00",
      important_dates: [{ kind: "birthday", date: "1988-07-14" }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const profile = res.json();
    expect(profile).toMatchObject({
      name: "Inès Moreau",
      contact_times: "weekdays after 18:00",
      important_dates: [{ kind: "birthday", date: "1988-07-14" }],
    });
    expect(
      profile.identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`),
    ).toEqual(["email:ines@profile.test", "email:ines.moreau@work.test", "phone:+33612345678"]);
    const found = await call("GET", "/api/v1/customers?email=ines.moreau%40work.test");
    expect(found.json().items.map((c: { id: string }) => c.id)).toEqual([ines.customer_id]);

    const [change] = (await timeline(ines.customer_id)).filter(
      (e) => e.type === "customer.updated",
    );
    expect(change?.data?.fields).toEqual([
      "name",
      "contactTimes",
      "importantDates",
      "emails",
      "phones",
    ]);
    expect(change?.before).toMatchObject({ emails: ["ines@profile.test"], phones: [] });
    expect(change?.after).toMatchObject({
      emails: ["ines@profile.test", "ines.moreau@Work.test"],
      phones: ["+33 6 12 34 56 78"],
      importantDates: [{ kind: "birthday", date: "1988-07-14" }],
    });

    const summary = (await call("GET", `${url}/summary`)).json();
    expect(summary.important_dates).toEqual([{ kind: "birthday", date: "1988-07-14" }]);

    const removed = await call("PATCH", url, { emails: ["ines.moreau@work.test"], phones: [] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().identities.map((i: { value: string }) => i.value)).toEqual([
      "ines.moreau@work.test",
    ]);
  });

  it("writes no event when nothing changes", async () => {
    const same = await write("same@profile.test", "Same");
    const before = await countOf(events);
    const res = await call("PATCH", `/api/v1/customers/${same.customer_id}`, {
      name: "Same",
      emails: ["SAME@profile.test"],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await countOf(events)).toBe(before);
  });

  it("refuses bad input with a 400 problem and its code, and changes nothing", async () => {
    const kept = await write("kept@edit.test", "Kept");
    const url = `/api/v1/customers/${kept.customer_id}`;
    const events0 = await countOf(events);
    const identities0 = await countOf(customerIdentities);
    const cases: object[] = [
      { emails: ["not an address"] },
      { emails: "kept@edit.test" },
      { phones: ["12"] },
      { phones: ["+33 6 12 34 56 78", ""] },
      { important_dates: [{ label: "Birthday", date: "1990-01-01" }] },
      { important_dates: [{ kind: "birthday", date: "1990-13-01" }] },
      { important_dates: [{ kind: "x".repeat(101), date: "1990-01-01" }] },
      { contact_times: "x".repeat(201) },
      { name: "New", emails: ["kept@edit.test", "bad@"] },
    ];
    for (const payload of cases) {
      const res = await call("PATCH", url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code, JSON.stringify(payload)).toBe("invalid_input");
    }
    expect(await countOf(events)).toBe(events0);
    expect(await countOf(customerIdentities)).toBe(identities0);
    expect((await call("GET", url)).json()).toMatchObject({
      name: "Kept",
      contact_times: "",
      important_dates: [],
      identities: [{ value: "kept@edit.test" }],
    });
  });

  it("refuses an address that identifies another customer (409: merge them), and changes nothing", async () => {
    const one = await write("one@clash.test", "One");
    await write("two@clash.test", "Two");
    const events0 = await countOf(events);
    const res = await call("PATCH", `/api/v1/customers/${one.customer_id}`, {
      name: "One renamed",
      emails: ["one@clash.test", "TWO@clash.test"],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe("conflict");
    expect(await countOf(events)).toBe(events0);
    const profile = (await call("GET", `/api/v1/customers/${one.customer_id}`)).json();
    expect(profile.name).toBe("One");
    expect(profile.identities).toHaveLength(1);
  });
});

describe("logging a call or a visit", () => {
  it("logs a call with when it took place and how long, shown in the timeline with its words", async () => {
    const paul = await write("paul@calls.test", "Paul", "Broken kettle", "It stopped heating.");
    const occurred = new Date(Date.now() - 3_600_000).toISOString();
    const url = `/api/v1/customers/${paul.customer_id}/interactions`;
    const body = {
      channel: "phone",
      direction: "outbound",
      summary: "Called Paul back: a new kettle leaves today.\nHe is fine with it.",
      answering: true,
      conversation_id: paul.conversation_id,
      occurred_at: occurred,
      duration_minutes: 12,
    };
    const first = await call("POST", url, body, { "idempotency-key": "call-paul-1" });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ conversation_id: paul.conversation_id, answered: true });
    const messages0 = await countOf(messages);
    const again = await call("POST", url, body, { "idempotency-key": "call-paul-1" });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await countOf(messages)).toBe(messages0);

    const [logged] = (await timeline(paul.customer_id)).filter(
      (e) => e.type === "interaction.logged",
    );
    expect(logged).toMatchObject({
      data: {
        channel: "phone",
        direction: "outbound",
        occurred_at: occurred,
        duration_minutes: 12,
      },
      conversation: { subject: "Broken kettle" },
      message: {
        direction: "outbound",
        channel: "phone",
        author: { kind: "user", name: "Ada Advisor" },
        excerpt: "Called Paul back: a new kettle leaves today. He is fine with it.",
      },
    });
  });

  it("logs a visit that opens a conversation when none is named", async () => {
    const zoe = await write("zoe@visits.test", "Zoé");
    const res = await call("POST", `/api/v1/customers/${zoe.customer_id}/interactions`, {
      channel: "visit",
      direction: "inbound",
      summary: "Came to the shop to return a lamp",
      answering: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().new_conversation).toBe(true);
    const [logged] = (await timeline(zoe.customer_id)).filter(
      (e) => e.type === "interaction.logged",
    );
    expect(logged).toMatchObject({
      data: { channel: "visit", direction: "inbound", duration_minutes: null },
      conversation: { subject: "Came to the shop to return a lamp" },
      message: { direction: "inbound", channel: "visit", author: { kind: "customer" } },
    });
  });

  it("refuses a call from the future or a bad duration with 400, and logs nothing", async () => {
    const kim = await write("kim@calls.test", "Kim");
    const url = `/api/v1/customers/${kim.customer_id}/interactions`;
    const base = { channel: "phone", direction: "outbound", summary: "Hi", answering: false };
    const messages0 = await countOf(messages);
    const events0 = await countOf(events);
    for (const extra of [
      { occurred_at: new Date(Date.now() + 86_400_000).toISOString() },
      { occurred_at: "yesterday" },
      { duration_minutes: -1 },
      { duration_minutes: 1.5 },
      { duration_minutes: 2000 },
      { channel: "email" },
    ]) {
      const res = await call("POST", url, { ...base, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().code).toBe("invalid_input");
    }
    expect(await countOf(messages)).toBe(messages0);
    expect(await countOf(events)).toBe(events0);
  });
});

describe("the timeline's subjects and excerpts", () => {
  it("names each entry's conversation and shows who wrote a message, which way, and its first words", async () => {
    const long = `${"My order never arrived and nobody answers the phone. ".repeat(10)}\n> quoted`;
    const lea = await write("lea@timeline.test", "Léa", "Where is my order?", long);
    const reply = await call("POST", `/api/v1/conversations/${lea.conversation_id}/messages`, {
      kind: "reply",
      body: "Sorry Léa,\n\nit left this morning.\n\nOn Monday, Léa wrote:\n> My order never arrived",
    });
    expect(reply.statusCode, reply.body).toBe(201);
    await call("PATCH", `/api/v1/customers/${lea.customer_id}`, { notes: "Ordered twice" });
    const entries = await timeline(lea.customer_id);
    const received = entries.find((e) => e.type === "message.received");
    expect(received?.conversation).toMatchObject({ subject: "Where is my order?" });
    expect(received?.message).toMatchObject({
      direction: "inbound",
      channel: "api",
      author: { kind: "customer", name: "Léa" },
      subject: "Where is my order?",
    });
    const excerpt = received?.message?.excerpt ?? "";
    expect(excerpt.startsWith("My order never arrived and nobody answers the phone.")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(160);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(excerpt).not.toContain("quoted");

    const written = entries.find((e) => e.type === "reply.written");
    expect(written?.message).toMatchObject({
      direction: "outbound",
      author: { kind: "user", name: "Ada Advisor" },
      excerpt: "Sorry Léa, it left this morning.",
    });
    // Entries about no message carry none; entries outside a conversation name none.
    const created = entries.find((e) => e.type === "conversation.created");
    expect(created && "message" in created).toBe(false);
    expect(entries.find((e) => e.type === "customer.updated")?.conversation).toBeNull();
  });
});
