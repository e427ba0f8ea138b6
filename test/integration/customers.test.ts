// Customers through the API: finding them by email, phone or words, their profile and its changes,
// their timeline and summary, and the calls and visits advisors log.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTypes } from "../../src/domain/events/catalogue.ts";
import {
  brands,
  customerIdentities,
  customers,
  events,
  messages,
  organisations,
  workspaces,
} from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

type Role = "admin" | "manager" | "advisor" | "unbound";
const call = (method: "GET" | "POST" | "PATCH", url: string, role: Role, payload?: object) =>
  desk.app.inject({ method, url, headers: desk.as(role), ...(payload ? { payload } : {}) });

const countOf = async (table: typeof events | typeof messages | typeof customers) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

/** A customer who wrote in through the API; answers the inbound result. */
async function write(
  from: { email?: string; phone?: string; name?: string },
  body = "Hello",
  extra = {},
) {
  const res = await call("POST", "/api/v1/messages/inbound", "advisor", {
    channel: "api",
    from,
    subject: "A question",
    body,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { customer_id: string; conversation_id: string; message_id: string };
}

const search = async (query: string) => {
  const res = await call("GET", `/api/v1/customers?${query}`, "advisor");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((c: { id: string }) => c.id) as string[];
};

const conversation = async (id: string) =>
  (await call("GET", `/api/v1/conversations/${id}`, "advisor")).json();

const otherWorkspace = "0190a1b2-0000-7000-8000-00000000aa06";
const foreignCustomer = "0190a1b2-0000-7000-8000-00000000cc06";

describe("finding customers", () => {
  it("finds a customer by email whatever its case, with their identities", async () => {
    const marie = await write({ email: "Marie.Dupont@Example.FR", name: "Marie Dupont" });
    for (const email of [
      "marie.dupont@example.fr",
      "MARIE.DUPONT@EXAMPLE.FR",
      " Marie.Dupont@example.fr ",
    ]) {
      expect(await search(`email=${encodeURIComponent(email)}`)).toEqual([marie.customer_id]);
    }
    const res = await call("GET", "/api/v1/customers?email=marie.dupont%40example.fr", "advisor");
    expect(res.json().items[0]).toMatchObject({
      name: "Marie Dupont",
      identities: [
        {
          kind: "email",
          value: "marie.dupont@example.fr",
          display_value: "Marie.Dupont@Example.FR",
        },
      ],
    });
    expect(await search("email=nobody%40example.fr")).toEqual([]);
  });

  it("finds a customer by phone however the number is written", async () => {
    const paul = await write({ phone: "+33 6 12 34 56 78", name: "Paul Phone" });
    for (const phone of ["+33612345678", "+33 6 12 34 56 78", "0033 6 12-34-56-78"]) {
      expect(await search(`phone=${encodeURIComponent(phone)}`)).toEqual([paul.customer_id]);
    }
    const bad = await call("GET", "/api/v1/customers?phone=call%20me", "advisor");
    expect(bad.statusCode).toBe(400);
  });

  it("finds customers by part of their name or of an identity, and treats % and _ as letters", async () => {
    const lea = await write({ email: "lea@boulangerie.test", name: "Léa Boulanger" });
    const jo = await write({ email: "jo_smith@corner.test", name: "Jo Smith" });
    expect(await search("q=boulang")).toEqual([lea.customer_id]);
    expect(await search("q=corner.test")).toEqual([jo.customer_id]);
    expect(await search(`q=${encodeURIComponent("o_s")}`)).toEqual([jo.customer_id]);
    expect(await search(`q=${encodeURIComponent("%")}`)).toEqual([]);
    expect(await search(`q=${encodeURIComponent("e_a")}`)).toEqual([]);
    expect(await search(`q=${encodeURIComponent("12 34 56")}`)).toHaveLength(1);
    expect(await search(`q=boulang&email=${encodeURIComponent("jo_smith@corner.test")}`)).toEqual(
      [],
    );
  });

  it("finds a name without regard to accents or case", async () => {
    const elodie = await write({ email: "ec@accents.test", name: "Élodie Crémieux" });
    const decomposed = await write({ email: "nfd@accents.test", name: "Zoe\u0301 Noe\u0308l" });
    for (const q of ["elodie", "ÉLODIE", "crémieux", "CREMIEUX", "odie cré"]) {
      expect(await search(`q=${encodeURIComponent(q)}`), q).toEqual([elodie.customer_id]);
    }
    expect(await search(`q=${encodeURIComponent("zoé noël")}`)).toEqual([decomposed.customer_id]);
    expect(await search("q=zoe%20noel")).toEqual([decomposed.customer_id]);
  });

  it("finds a customer by their new name and by identities added, moved or removed later", async () => {
    const ines = await write({ email: "ines@later.test", name: "Inès Avant" });
    const patch = await call("PATCH", `/api/v1/customers/${ines.customer_id}`, "advisor", {
      name: "Inès Après",
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await search("q=apres")).toEqual([ines.customer_id]);
    expect(await search("q=avant")).toEqual([]);

    // A second address, then the move of an identity to another profile (as a merge does), then
    // its removal: the search follows each statement, whoever wrote it.
    const other = await write({ email: "other@later.test", name: "Other Person" });
    const db = desk.booted.rt.db;
    const [workspace] = await db.select({ id: workspaces.id }).from(workspaces);
    await db.insert(customerIdentities).values({
      workspaceId: workspace?.id as string,
      id: "0190a1b2-0000-7000-8000-00000000dd01",
      customerId: ines.customer_id,
      kind: "email",
      value: "ines.second@later.test",
      displayValue: "Ines.Second@later.test",
    });
    expect(await search("q=ines.second")).toEqual([ines.customer_id]);
    await db
      .update(customerIdentities)
      .set({ customerId: other.customer_id })
      .where(sql`${customerIdentities.value} = 'ines.second@later.test'`);
    expect(await search("q=ines.second")).toEqual([other.customer_id]);
    await db
      .delete(customerIdentities)
      .where(sql`${customerIdentities.value} = 'ines.second@later.test'`);
    expect(await search("q=ines.second")).toEqual([]);
    expect(await search("q=other%40later")).toEqual([other.customer_id]);
  });

  it("pages customers newest first with a cursor, and refuses a tampered one", async () => {
    for (let i = 0; i < 3; i++) await write({ email: `page${i}@paging.test`, name: `Page ${i}` });
    const total = await countOf(customers);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const url: string = `/api/v1/customers?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const body = (await call("GET", url, "advisor")).json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((c: { id: string }) => c.id));
      cursor = body.next_cursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const newest = (await call("GET", "/api/v1/customers?limit=1", "advisor")).json();
    expect(newest.items[0].name).toBe("Page 2");
    const tampered = `${(newest.next_cursor as string).slice(0, -1)}${newest.next_cursor.endsWith("A") ? "B" : "A"}`;
    const res = await call(
      "GET",
      `/api/v1/customers?cursor=${encodeURIComponent(tampered)}`,
      "advisor",
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("invalid_cursor");
    expect((await call("GET", "/api/v1/customers?limit=101", "advisor")).statusCode).toBe(400);
    expect((await call("GET", "/api/v1/customers?colour=red", "advisor")).statusCode).toBe(400);
  });

  it("does not find, show or change another workspace's customer (404)", async () => {
    const db = desk.booted.rt.db;
    await db.insert(workspaces).values({ id: otherWorkspace, name: "Elsewhere" });
    await db.insert(brands).values({
      workspaceId: otherWorkspace,
      id: "0190a1b2-0000-7000-8000-00000000bb06",
      name: "Theirs",
      slug: "theirs",
      addresses: ["theirs@elsewhere.test"],
    });
    await db
      .insert(customers)
      .values({ workspaceId: otherWorkspace, id: foreignCustomer, name: "Their customer" });
    await db.insert(customerIdentities).values({
      workspaceId: otherWorkspace,
      id: "0190a1b2-0000-7000-8000-00000000dd06",
      customerId: foreignCustomer,
      kind: "email",
      value: "shared@twice.test",
      displayValue: "shared@twice.test",
    });
    expect(await search("email=shared%40twice.test")).toEqual([]);
    expect(await search("q=their%20customer")).toEqual([]);
    const before = await countOf(events);
    const messagesBefore = await countOf(messages);
    for (const [method, suffix, payload] of [
      ["GET", "", undefined],
      ["GET", "/timeline", undefined],
      ["GET", "/summary", undefined],
      ["PATCH", "", { name: "Ours now" }],
      [
        "POST",
        "/interactions",
        { channel: "phone", direction: "outbound", summary: "Hi", answering: true },
      ],
    ] as const) {
      const res = await call(
        method,
        `/api/v1/customers/${foreignCustomer}${suffix}`,
        "admin",
        payload,
      );
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
    }
    expect(await countOf(events)).toBe(before);
    expect(await countOf(messages)).toBe(messagesBefore);
    const [row] = await db
      .select()
      .from(customers)
      .where(sql`${customers.id} = ${foreignCustomer}`);
    expect(row?.name).toBe("Their customer");
    expect((await call("GET", "/api/v1/customers/not-a-uuid", "advisor")).statusCode).toBe(400);
  });
});

describe("a customer's profile", () => {
  it("changes the profile, for any role, and writes what changed before and after", async () => {
    const sophie = await write({ email: "sophie@profile.test", name: "Sophie" });
    const res = await call("PATCH", `/api/v1/customers/${sophie.customer_id}`, "advisor", {
      name: "Sophie Martin",
      preferred_language: "fr",
      time_zone: "Europe/Paris",
      preferred_channel: "phone",
      notes: "Prefers a call after 18:00.",
      important_dates: [{ kind: "Birthday", date: "1990-04-12" }],
      advisor_id: desk.users.advisor.id,
      backup_id: desk.users.manager.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: sophie.customer_id,
      name: "Sophie Martin",
      preferred_language: "fr",
      time_zone: "Europe/Paris",
      preferred_channel: "phone",
      notes: "Prefers a call after 18:00.",
      important_dates: [{ kind: "Birthday", date: "1990-04-12" }],
      advisor_id: desk.users.advisor.id,
      backup_id: desk.users.manager.id,
      organisation: null,
    });
    const read = await call("GET", `/api/v1/customers/${sophie.customer_id}`, "manager");
    expect(read.json()).toEqual(res.json());
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(
        sql`${events.type} = 'customer.updated' and ${events.customerId} = ${sophie.customer_id}`,
      );
    expect(event?.actorId).toBe(desk.users.advisor.id);
    expect(event?.before).toMatchObject({
      name: "Sophie",
      advisorId: null,
      preferredLanguage: null,
    });
    expect(event?.after).toMatchObject({
      name: "Sophie Martin",
      advisorId: desk.users.advisor.id,
      preferredLanguage: "fr",
    });
    const cleared = await call("PATCH", `/api/v1/customers/${sophie.customer_id}`, "advisor", {
      backup_id: null,
    });
    expect(cleared.json().backup_id).toBeNull();
  });

  it("shows the customer's organisation once they belong to one", async () => {
    const db = desk.booted.rt.db;
    const organisationId = "0190a1b2-0000-7000-8000-0000000000a1";
    await db.insert(organisations).values({
      workspaceId: desk.workspaceId,
      id: organisationId,
      name: "Acme",
      isPartner: true,
    });
    const buyer = await write({ email: "buyer@acme.test" });
    const res = await call("PATCH", `/api/v1/customers/${buyer.customer_id}`, "advisor", {
      organisation_id: organisationId,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().organisation).toEqual({ id: organisationId, name: "Acme", is_partner: true });
  });

  it("refuses a bad change with 400 and changes nothing", async () => {
    const kept = await write({ email: "kept@profile.test", name: "Kept" });
    const before = await countOf(events);
    const url = `/api/v1/customers/${kept.customer_id}`;
    const cases = [
      { name: "x", vip: true },
      {},
      { preferred_language: "de" },
      { preferred_channel: "pigeon" },
      { time_zone: "Nowhere/Land" },
      { important_dates: [{ kind: "Anniversary", date: "2026-02-30" }] },
      { important_dates: [{ kind: "", date: "2026-02-03" }] },
      { advisor_id: "0190a1b2-0000-7000-8000-0000000000f1" },
      { advisor_id: desk.users.advisor.id, backup_id: desk.users.advisor.id },
      { organisation_id: "0190a1b2-0000-7000-8000-0000000000f2" },
    ];
    for (const payload of cases) {
      const res = await call("PATCH", url, "advisor", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const profile = (await call("GET", url, "advisor")).json();
    expect(profile).toMatchObject({
      name: "Kept",
      advisor_id: null,
      preferred_language: null,
      important_dates: [],
    });
    expect(await countOf(events)).toBe(before);
  });
  it("keeps a profile merged into another out of the search and refuses to change it (409)", async () => {
    const kept = await write({ email: "survivor@merge.test", name: "Survivor" });
    const merged = await write({ email: "merged@merge.test", name: "Merged Away" });
    await desk.booted.rt.db
      .update(customers)
      .set({ mergedIntoId: kept.customer_id })
      .where(sql`${customers.id} = ${merged.customer_id}`);
    expect(await search("q=merged%20away")).toEqual([]);
    const profile = await call("GET", `/api/v1/customers/${merged.customer_id}`, "advisor");
    expect(profile.json().merged_into_id).toBe(kept.customer_id);
    const before = await countOf(events);
    const patch = await call("PATCH", `/api/v1/customers/${merged.customer_id}`, "advisor", {
      name: "Back",
    });
    expect(patch.statusCode).toBe(409);
    const logged = await call(
      "POST",
      `/api/v1/customers/${merged.customer_id}/interactions`,
      "advisor",
      {
        channel: "phone",
        direction: "outbound",
        summary: "Hello",
        answering: true,
      },
    );
    expect(logged.statusCode).toBe(409);
    expect(await countOf(events)).toBe(before);
  });
});

describe("a customer's timeline and summary", () => {
  it("describes each event type of the catalogue, with its data, in the OpenAPI document", async () => {
    const doc = (await desk.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const page =
      doc.paths["/api/v1/customers/{id}/timeline"].get.responses["200"].content["application/json"]
        .schema;
    type Option = { properties: { type: { const?: string; enum?: string[] }; data: object } };
    const options: Option[] =
      page.properties.items.items.oneOf ?? page.properties.items.items.anyOf;
    const typeOf = (o: Option) => o.properties.type.const ?? o.properties.type.enum?.[0];
    expect(options.map(typeOf).sort()).toEqual([...eventTypes].sort());
    const received = options.find((o) => typeOf(o) === "message.received");
    // The type's data, or null once an erasure blanked it.
    expect(received?.properties.data).toMatchObject({
      anyOf: [
        {
          type: "object",
          properties: { message_id: { type: "string" }, spam: { type: "boolean" } },
          required: expect.arrayContaining(["message_id", "channel", "spam"]),
        },
        { type: "null" },
      ],
    });
  });

  it("lists the customer's events newest first, with who did them, paged by a cursor", async () => {
    const tom = await write({ email: "tom@timeline.test", name: "Tom" });
    await call("PATCH", `/api/v1/customers/${tom.customer_id}`, "advisor", {
      notes: "Allergic to nuts",
    });
    await call("POST", `/api/v1/customers/${tom.customer_id}/interactions`, "advisor", {
      channel: "phone",
      direction: "outbound",
      summary: "Called back about the order",
      answering: true,
      conversation_id: tom.conversation_id,
    });
    const res = await call("GET", `/api/v1/customers/${tom.customer_id}/timeline`, "advisor");
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((e: { type: string }) => e.type)).toEqual([
      "interaction.logged",
      "customer.updated",
      // A message through the API from an email address is acknowledged, as a mail is.
      "acknowledgement.queued",
      "message.received",
      "conversation.created",
      "customer.created",
    ]);
    expect(items[0]).toMatchObject({
      actor: { kind: "user", id: desk.users.advisor.id, name: "Ada Advisor" },
      conversation_id: tom.conversation_id,
      data: { channel: "phone", direction: "outbound", answering: true },
    });
    expect(items[1]).toMatchObject({ before: { notes: "" }, after: { notes: "Allergic to nuts" } });
    expect(items[5].actor.kind).toBe("customer");

    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const url: string = `/api/v1/customers/${tom.customer_id}/timeline?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const body = (await call("GET", url, "advisor")).json();
      ids.push(...body.items.map((e: { id: string }) => e.id));
      cursor = body.next_cursor;
      if (!cursor) break;
    }
    expect(ids).toEqual(items.map((e: { id: string }) => e.id));
    const bad = await call(
      "GET",
      `/api/v1/customers/${tom.customer_id}/timeline?cursor=abc.def`,
      "advisor",
    );
    expect(bad.statusCode).toBe(400);
    const missing = await call(
      "GET",
      "/api/v1/customers/0190a1b2-0000-7000-8000-0000000000f3/timeline",
      "advisor",
    );
    expect(missing.statusCode).toBe(404);
  });

  it("sums up the customer: tenure, open and total conversations, last contact, advisor", async () => {
    const ines = await write({ email: "ines@summary.test", name: "Inès" });
    const second = await write({ email: "ines@summary.test" }, "Another thing");
    expect(second.conversation_id).not.toBe(ines.conversation_id);
    const resolve = await call(
      "PATCH",
      `/api/v1/conversations/${second.conversation_id}`,
      "advisor",
      {
        status: "resolved",
        close_reason: "nothing_to_answer",
      },
    );
    expect(resolve.statusCode, resolve.body).toBe(200);
    await call("PATCH", `/api/v1/customers/${ines.customer_id}`, "advisor", {
      advisor_id: desk.users.advisor.id,
      backup_id: desk.users.manager.id,
    });
    const res = await call("GET", `/api/v1/customers/${ines.customer_id}/summary`, "advisor");
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    const [lastMessage] = await desk.booted.rt.db
      .select({ at: messages.createdAt })
      .from(messages)
      .where(sql`${messages.id} = ${second.message_id}`);
    expect(summary).toMatchObject({
      id: ines.customer_id,
      name: "Inès",
      tenure_days: 0,
      conversations: { open: 1, total: 2 },
      last_contact_at: lastMessage?.at.toISOString(),
      advisor: { id: desk.users.advisor.id, name: "Ada Advisor" },
      backup: { id: desk.users.manager.id, name: "Max Manager" },
    });
    expect(new Date(summary.customer_since).getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("logged calls and visits", () => {
  it("counts an advisor's answering call on a waiting conversation as a human answer", async () => {
    const waiting = await write({ email: "caller@calls.test", name: "Caller" });
    expect(await conversation(waiting.conversation_id)).toMatchObject({ answered: false });
    expect((await conversation(waiting.conversation_id)).awaiting_answer_since).not.toBeNull();
    const res = await call(
      "POST",
      `/api/v1/customers/${waiting.customer_id}/interactions`,
      "advisor",
      {
        channel: "phone",
        direction: "outbound",
        summary: "Explained the refund; they are happy.",
        answering: true,
        conversation_id: waiting.conversation_id,
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      conversation_id: waiting.conversation_id,
      customer_id: waiting.customer_id,
      new_conversation: false,
      answered: true,
      awaiting_answer_since: null,
    });
    const after = await conversation(waiting.conversation_id);
    expect(after).toMatchObject({ answered: true, awaiting_answer_since: null, status: "open" });
    const logged = after.messages.find((m: { id: string }) => m.id === res.json().message_id);
    expect(logged).toMatchObject({
      direction: "outbound",
      channel: "phone",
      author: { kind: "user", id: desk.users.advisor.id, name: "Ada Advisor" },
      body_text: "Explained the refund; they are happy.",
    });
    const [row] = await desk.booted.rt.db
      .select()
      .from(messages)
      .where(sql`${messages.id} = ${logged.id}`);
    expect(row?.answering).toBe(true);
  });

  it("does not count a call that did not answer the customer", async () => {
    const waiting = await write({ email: "voicemail@calls.test" });
    const res = await call(
      "POST",
      `/api/v1/customers/${waiting.customer_id}/interactions`,
      "advisor",
      {
        channel: "phone",
        direction: "outbound",
        summary: "No answer, left a voicemail.",
        answering: false,
        conversation_id: waiting.conversation_id,
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().answered).toBe(false);
    expect((await conversation(waiting.conversation_id)).answered).toBe(false);
  });

  it("opens a new conversation, awaiting an answer, when the customer calls in", async () => {
    const known = await write({ email: "walkin@calls.test", name: "Walk In" });
    const res = await call(
      "POST",
      `/api/v1/customers/${known.customer_id}/interactions`,
      "advisor",
      {
        channel: "visit",
        direction: "inbound",
        summary: "Came to the shop: the parcel never arrived.\nWants a call back.",
        answering: false,
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    const logged = res.json();
    expect(logged).toMatchObject({
      customer_id: known.customer_id,
      new_conversation: true,
      answered: false,
    });
    expect(logged.conversation_id).not.toBe(known.conversation_id);
    expect(logged.awaiting_answer_since).not.toBeNull();
    const opened = await conversation(logged.conversation_id);
    expect(opened).toMatchObject({
      customer_id: known.customer_id,
      channel: "visit",
      subject: "Came to the shop: the parcel never arrived.",
      status: "open",
      answered: false,
    });
    expect(opened.first_response_due_at).not.toBeNull();
    expect(opened.messages[0]).toMatchObject({
      direction: "inbound",
      author: { kind: "customer" },
    });
  });

  it("counts a call answered on the spot as answered at once", async () => {
    const known = await write({ phone: "+44 20 7946 0000", name: "London" });
    const res = await call(
      "POST",
      `/api/v1/customers/${known.customer_id}/interactions`,
      "advisor",
      {
        channel: "phone",
        direction: "inbound",
        summary: "Asked for opening hours; told them.",
        answering: true,
        conversation_id: known.conversation_id,
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ conversation_id: known.conversation_id, answered: true });
    expect(await conversation(known.conversation_id)).toMatchObject({
      answered: true,
      awaiting_answer_since: null,
    });
  });

  it("opens a conversation assigned to the advisor who reached out", async () => {
    const known = await write({ email: "outreach@calls.test" });
    const res = await call(
      "POST",
      `/api/v1/customers/${known.customer_id}/interactions`,
      "advisor",
      {
        channel: "phone",
        direction: "outbound",
        summary: "Checked the repair worked",
        answering: true,
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    const opened = await conversation(res.json().conversation_id);
    expect(opened).toMatchObject({
      customer_id: known.customer_id,
      channel: "phone",
      status: "open",
      assignee_id: desk.users.advisor.id,
      answered: true,
    });
    expect(opened.conversation_id).not.toBe(known.conversation_id);
  });

  it("refuses an answering call logged through a token that acts for nobody, and stores nothing", async () => {
    const known = await write({ email: "robot@calls.test" });
    const before = await countOf(messages);
    const res = await call(
      "POST",
      `/api/v1/customers/${known.customer_id}/interactions`,
      "unbound",
      {
        channel: "phone",
        direction: "outbound",
        summary: "Automated follow-up",
        answering: true,
        conversation_id: known.conversation_id,
      },
    );
    expect(res.statusCode).toBe(400);
    expect(await countOf(messages)).toBe(before);
    expect((await conversation(known.conversation_id)).answered).toBe(false);
  });

  it("refuses another customer's conversation (404) and bad input (400), storing nothing", async () => {
    const one = await write({ email: "one@calls.test" });
    const two = await write({ email: "two@calls.test" });
    const before = await countOf(messages);
    const eventsBefore = await countOf(events);
    const url = `/api/v1/customers/${one.customer_id}/interactions`;
    for (const direction of ["inbound", "outbound"]) {
      const res = await call("POST", url, "advisor", {
        channel: "phone",
        direction,
        summary: "Wrong conversation",
        answering: true,
        conversation_id: two.conversation_id,
      });
      expect(res.statusCode, direction).toBe(404);
    }
    const cases = [
      { channel: "email", direction: "outbound", summary: "x", answering: true },
      { channel: "phone", direction: "sideways", summary: "x", answering: true },
      { channel: "phone", direction: "outbound", summary: "  ", answering: true },
      { channel: "phone", direction: "outbound", summary: "x" },
      { channel: "phone", direction: "outbound", summary: "x", answering: true, duration: 5 },
    ];
    for (const payload of cases) {
      const res = await call("POST", url, "advisor", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await countOf(messages)).toBe(before);
    expect(await countOf(events)).toBe(eventsBefore);
    expect((await conversation(two.conversation_id)).answered).toBe(false);
  });
});
