// One person, several profiles: identities over SMTP and the API, merge suggestions with their
// evidence, merge and undo with nothing lost, and concurrent merges that share a customer.
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { eventually } from "../helpers/eventually.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let token: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const rt = server.running.booted.rt;
  const workspaceId = server.running.booted.workspaceId;
  token = (await createToken(rt, { workspaceId, name: "t", role: "advisor" }, systemActor)).token;
  admin = (await createToken(rt, { workspaceId, name: "a", role: "admin" }, systemActor)).token;
  // The brand's country: national numbers are read as French ones.
  // biome-ignore lint/suspicious/noExplicitAny: the answer is read field by field
  const brands: any = await fetch(`${server.url}/api/v1/brands`, {
    headers: { authorization: `Bearer ${admin}` },
  }).then((r) => r.json());
  const res = await fetch(`${server.url}/api/v1/brands/${brands.items[0].id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
    body: JSON.stringify({ country: "fr" }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(((await res.json()) as { country: string }).country).toBe("FR");
});
afterAll(() => server?.stop());

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
async function api(method: string, url: string, body?: object, key?: string): Promise<any> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { "content-type": "application/json" } : {}),
      ...(key ? { "idempotency-key": key } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function mail(from: string, name: string, subject: string, id: string, cc?: string) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: server.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  const raw = [
    `From: ${name} <${from}>`,
    "To: support@rapport.localhost",
    ...(cc ? [`Cc: ${cc}`] : []),
    `Subject: ${subject}`,
    `Message-ID: <${id}@sender.test>`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Bonjour, ${subject.toLowerCase()}.`,
    "",
  ].join("\r\n");
  const info = await transport.sendMail({
    envelope: { from, to: ["support@rapport.localhost"] },
    raw,
  });
  expect(info.response).toMatch(/^250/);
}

const customerOf = async (email: string) => {
  const found = await api("GET", `/api/v1/customers?email=${encodeURIComponent(email)}`);
  expect(found.status).toBe(200);
  return found.body.items[0]?.id as string;
};

const inbound = async (channel: string, from: object, body: string) => {
  const res = await api("POST", "/api/v1/messages/inbound", { channel, from, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { customer_id: string; conversation_id: string };
};

/** Waits for the acknowledgements to leave: their delivery is an event of its own. */
const settled = () =>
  eventually(async () => {
    const rows = await server.running.booted.rt.db.execute<{ n: number }>(
      sql`select count(*)::int as n from messages where delivery = 'queued'`,
    );
    return rows.rows[0]?.n === 0;
  });

/** Every row that a merge could lose, counted in the whole database. */
async function totals() {
  const db = server.running.booted.rt.db;
  // The acknowledgements still queued leave meanwhile, each with its event: let them go first.
  await eventually(async () => {
    const queued = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from messages where delivery = 'queued'`,
    );
    return queued.rows[0]?.n === 0 ? true : null;
  });
  const count = async (table: string) =>
    (await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]
      ?.n;
  return {
    conversations: await count("conversations"),
    messages: await count("messages"),
    identities: await count("customer_identities"),
    orders: await count("orders"),
    events: await count("events where type not like 'customer.merge%'"),
  };
}

/** What each customer holds: conversations, messages authored, identities, events (merges aside). */
async function holdings(ids: string[]) {
  const db = server.running.booted.rt.db;
  const list = ids.map((id) => `'${id}'`).join(",");
  const rows = await db.execute<{ t: string; id: string; n: number }>(
    sql.raw(`
    select 'conversations' t, customer_id id, count(*)::int n from conversations where customer_id in (${list}) group by 2
    union all select 'messages', author_customer_id, count(*)::int from messages where author_customer_id in (${list}) group by 2
    union all select 'identities', customer_id, count(*)::int from customer_identities where customer_id in (${list}) group by 2
    union all select 'orders', customer_id, count(*)::int from orders where customer_id in (${list}) group by 2
    union all select 'events', customer_id, count(*)::int from events where customer_id in (${list}) and type not like 'customer.merge%' group by 2`),
  );
  const out: Record<string, Record<string, number>> = {};
  for (const id of ids) {
    out[id] = { conversations: 0, messages: 0, identities: 0, orders: 0, events: 0 };
  }
  for (const r of rows.rows) (out[r.id] as Record<string, number>)[r.t] = r.n;
  return out;
}

describe("one person, many identities", () => {
  it("suggests, merges and undoes the profiles of one person who wrote from two addresses and was logged by phone", async () => {
    await mail("marie@acme.test", "Marie Dupont", "Ma commande", "m1");
    await mail("marie+commandes@acme.test", "Marie Dupont", "Ma facture", "m2");
    const a = await customerOf("marie@acme.test");
    const b = await customerOf("marie+commandes@acme.test");
    expect(a).toBeTruthy();
    expect(b).not.toBe(a); // a +tag variant never auto-matches
    // A call logged from a number written the French way: E.164 with the brand's country.
    const call = await inbound("phone", { phone: "06 12 34 56 78" }, "Appel : la commande");
    const c = call.customer_id;
    const phoneCustomer = await api("GET", `/api/v1/customers/${c}`);
    expect(phoneCustomer.body.identities).toMatchObject([{ kind: "phone", value: "+33612345678" }]);
    // Found again however the number is written, national or international, filtered or searched.
    for (const query of [
      "phone=06%2012%2034%2056%2078",
      "phone=%2B33612345678",
      "q=06%2012%2034",
    ]) {
      const found = await api("GET", `/api/v1/customers?${query}`);
      expect(
        found.body.items.map((i: { id: string }) => i.id),
        query,
      ).toEqual([c]);
    }
    // A form from her first address that gives the same number: it stays hers, and is evidence.
    const form = await inbound(
      "form",
      { email: "Marie@Acme.test", phone: "+33 6 12 34 56 78", name: "Marie Dupont" },
      "Formulaire : rappelez-moi",
    );
    expect(form.customer_id).toBe(a);

    const suggested = await api("GET", `/api/v1/customers/${a}/merge-suggestions`);
    expect(suggested.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: suggestions are checked field by field
    const byId = new Map<string, any>(
      suggested.body.items.map((s: { customer: { id: string } }) => [s.customer.id, s]),
    );
    expect(byId.get(b)).toMatchObject({
      evidence: [
        {
          kind: "email_variant",
          email: "marie@acme.test",
          other_email: "marie+commandes@acme.test",
        },
        { kind: "same_name_domain", name: "Marie Dupont", domain: "acme.test" },
      ],
      moves: { conversations: 1 },
    });
    expect(byId.get(c)).toMatchObject({
      evidence: [{ kind: "same_phone", phone: "+33612345678" }],
      moves: { conversations: 1, customer_identities: 1 },
    });
    expect(byId.get(c).score).toBeGreaterThan(0);

    // An order bought under the second address: it moves with the merge and back with the undo.
    const order = await api("PUT", "/api/v1/orders/ORD-MARIE-1", {
      customer_id: b,
      ordered_at: "2026-11-02T10:00:00Z",
      amount_minor: 4990,
      currency: "EUR",
      status: "paid",
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);

    await settled();
    const before = await totals();
    const apart = await holdings([a, b, c]);

    const mergeB = await api("POST", `/api/v1/customers/${a}/merge`, { other_id: b }, "merge-b");
    expect(mergeB.status, JSON.stringify(mergeB.body)).toBe(201);
    expect(mergeB.body).toMatchObject({ customer_id: a, other_id: b });
    // The same Idempotency-Key replays the first answer.
    const replay = await api("POST", `/api/v1/customers/${a}/merge`, { other_id: b }, "merge-b");
    expect(replay.status).toBe(200);
    expect(replay.body.merge_id).toBe(mergeB.body.merge_id);
    const mergeC = await api("POST", `/api/v1/customers/${a}/merge`, { other_id: c });
    expect(mergeC.status).toBe(201);

    // One profile: everything is Marie's, nothing lost.
    expect(await totals()).toEqual(before);
    const merged = await holdings([a, b, c]);
    for (const kind of ["conversations", "messages", "identities", "orders", "events"]) {
      expect(merged[a]?.[kind], kind).toBe(
        (apart[a]?.[kind] ?? 0) + (apart[b]?.[kind] ?? 0) + (apart[c]?.[kind] ?? 0),
      );
      expect(merged[b]?.[kind], kind).toBe(0);
    }
    const oldB = await api("GET", `/api/v1/customers/${b}`);
    expect(oldB.status).toBe(200);
    expect(oldB.body).toMatchObject({ merged_into: a, merge_id: mergeB.body.merge_id });
    expect((await api("GET", `/api/v1/customers/${b}/merge-suggestions`)).body).toEqual({
      items: [],
    });
    expect(await customerOf("marie+commandes@acme.test")).toBe(a);
    const timeline = await api("GET", `/api/v1/customers/${a}/timeline`);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toContain("customer.merged");
    expect((await api("GET", `/api/v1/customers/${a}/merge-suggestions`)).body.items).toEqual([]);

    // Refusals: a merged profile, itself.
    const again = await api("POST", `/api/v1/customers/${a}/merge`, { other_id: b });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe("urn:rapport:problem:customer_already_merged");
    expect((await api("POST", `/api/v1/customers/${a}/merge`, { other_id: a })).status).toBe(400);

    // After the merge she writes again from the second address: it reaches the one profile.
    await mail("marie+commandes@acme.test", "Marie Dupont", "Encore une question", "m3");
    const later = await api("GET", "/api/v1/conversations?q=Encore");
    const laterConversation = later.body.items[0];
    expect(laterConversation.customer_id).toBe(a);

    await settled();
    // Undo both: three profiles again, each with what it had, and B with what came since from its address.
    const undoC = await api("POST", `/api/v1/merges/${mergeC.body.merge_id}/undo`);
    expect(undoC.status, JSON.stringify(undoC.body)).toBe(200);
    const undoB = await api("POST", `/api/v1/merges/${mergeB.body.merge_id}/undo`);
    expect(undoB.status).toBe(200);
    const twice = await api("POST", `/api/v1/merges/${mergeB.body.merge_id}/undo`);
    expect(twice.status).toBe(409);
    expect(twice.body.type).toBe("urn:rapport:problem:merge_already_undone");

    const after = await totals();
    expect(after.identities).toBe(before.identities);
    expect(after.conversations).toBe((before.conversations ?? 0) + 1);
    const restored = await holdings([a, b, c]);
    expect(restored[a]).toEqual(apart[a]);
    expect(restored[c]).toEqual(apart[c]);
    expect(restored[b]?.identities).toBe(apart[b]?.identities);
    expect(restored[b]?.orders).toBe(1);
    expect(restored[b]?.conversations).toBe((apart[b]?.conversations ?? 0) + 1);
    expect(restored[b]?.messages).toBe((apart[b]?.messages ?? 0) + 1);
    expect(
      (await api("GET", `/api/v1/conversations/${laterConversation.id}`)).body.customer_id,
    ).toBe(b);
    expect((await api("GET", `/api/v1/customers/${b}`)).body).toMatchObject({
      merged_into_id: null,
      merged_into: null,
    });
    expect(await customerOf("marie+commandes@acme.test")).toBe(b);
  });

  it("keeps data whole when merges that share a customer run at once", async () => {
    const make = async (n: number) =>
      (await inbound("api", { email: `same${n}@race.test`, name: `Race ${n}` }, `Hello ${n}`))
        .customer_id;
    const invariant = async () => {
      const db = server.running.booted.rt.db;
      const rows = await db.execute<{ n: number }>(sql`
        select (select count(*) from conversations v join customers c
                  on c.workspace_id = v.workspace_id and c.id = v.customer_id
                  where c.merged_into_id is not null)
             + (select count(*) from customer_identities i join customers c
                  on c.workspace_id = i.workspace_id and c.id = i.customer_id
                  where c.merged_into_id is not null) as n`);
      return rows.rows[0]?.n;
    };
    for (let round = 0; round < 4; round++) {
      const [x, y, z] = [
        await make(round * 3),
        await make(round * 3 + 1),
        await make(round * 3 + 2),
      ];
      const before = await totals();
      // X←Y and Y←Z at once: either both (Z into Y, then Y into X) or one refused.
      const chain = await Promise.all([
        api("POST", `/api/v1/customers/${x}/merge`, { other_id: y }),
        api("POST", `/api/v1/customers/${y}/merge`, { other_id: z }),
      ]);
      expect(chain.map((r) => r.status).sort()).toSatisfy(
        (s: number[]) => (s[0] === 201 && s[1] === 201) || (s[0] === 201 && s[1] === 409),
      );
      expect(await invariant()).toBe(0);
      expect(await totals()).toEqual(before);
    }
    for (let round = 0; round < 4; round++) {
      const [x, y, z] = [
        await make(100 + round * 3),
        await make(101 + round * 3),
        await make(102 + round * 3),
      ];
      // X←Y and Z←Y at once: Y can go one way only.
      const both = await Promise.all([
        api("POST", `/api/v1/customers/${x}/merge`, { other_id: y }),
        api("POST", `/api/v1/customers/${z}/merge`, { other_id: y }),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await invariant()).toBe(0);
      const held = await holdings([x, y, z]);
      expect(held[y]).toEqual({
        conversations: 0,
        messages: 0,
        identities: 0,
        orders: 0,
        events: 0,
      });
      expect((held[x]?.conversations ?? 0) + (held[z]?.conversations ?? 0)).toBe(3);
    }
  });

  it("answers 404 for a customer or merge of another workspace, and resolves chat and social senders", async () => {
    const nobody = "0190a1b2-0000-7000-8000-00000000dd15";
    expect((await api("GET", `/api/v1/customers/${nobody}/merge-suggestions`)).status).toBe(404);
    expect((await api("POST", `/api/v1/merges/${nobody}/undo`)).status).toBe(404);
    const chat = await inbound("chat", { visitor_id: "v-42", name: "Léa" }, "Bonjour");
    expect((await inbound("chat", { visitor_id: " v-42 " }, "Encore moi")).customer_id).toBe(
      chat.customer_id,
    );
    const social = await inbound("social", { handle: "Instagram:@Lea_M" }, "Coucou");
    expect((await inbound("social", { handle: "instagram:lea_m" }, "Re")).customer_id).toBe(
      social.customer_id,
    );
  });

  it("forgets the identities a person was seen with when their data is erased", async () => {
    const held = await inbound("phone", { phone: "+44 20 7946 0958" }, "Call");
    const seer = await inbound("form", { email: "seer@erase.test", phone: "020 7946 0958" }, "x");
    const db = server.running.booted.rt.db;
    const sightings = async () =>
      (
        await db.execute<{ n: number }>(
          sql`select count(*)::int as n from identity_sightings where value = '+442079460958'`,
        )
      ).rows[0]?.n;
    // The brand reads numbers as French ones: the British number written nationally is another.
    expect(await sightings()).toBe(0);
    await inbound("form", { email: "seer@erase.test", phone: "+44 20 7946 0958" }, "y");
    expect(await sightings()).toBe(1);
    const erased = await fetch(`${server.url}/api/v1/customers/${held.customer_id}/erase`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(erased.status).toBe(200);
    expect(await sightings()).toBe(0);
    expect(seer.customer_id).not.toBe(held.customer_id);
  });

  it("refuses to undo a merge whose survivor was merged again since, until that one is undone", async () => {
    const id = async (n: string) =>
      (await inbound("api", { email: `${n}@chain.test` }, "Hello")).customer_id;
    const [x, y, z] = [await id("x"), await id("y"), await id("z")];
    const first = await api("POST", `/api/v1/customers/${x}/merge`, { other_id: y });
    const second = await api("POST", `/api/v1/customers/${z}/merge`, { other_id: x });
    expect([first.status, second.status]).toEqual([201, 201]);
    // y now lives on in z, at the end of the chain.
    expect((await api("GET", `/api/v1/customers/${y}`)).body.merged_into).toBe(z);
    const refused = await api("POST", `/api/v1/merges/${first.body.merge_id}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe("urn:rapport:problem:merge_not_undoable");
    expect((await api("POST", `/api/v1/merges/${second.body.merge_id}/undo`)).status).toBe(200);
    expect((await api("POST", `/api/v1/merges/${first.body.merge_id}/undo`)).status).toBe(200);
    expect(await customerOf("y@chain.test")).toBe(y);
    expect(await customerOf("x@chain.test")).toBe(x);
  });

  it("takes an address in a mail's Cc that another customer holds as evidence", async () => {
    const held = await inbound("api", { email: "jules@bureau.test", name: "Jules" }, "Hello");
    await mail("j.perso@maison.test", "Jules", "Ma demande", "cc1", "Jules <Jules@Bureau.test>");
    const sender = await customerOf("j.perso@maison.test");
    expect(sender).not.toBe(held.customer_id);
    const suggested = await api("GET", `/api/v1/customers/${held.customer_id}/merge-suggestions`);
    expect(suggested.body.items).toMatchObject([
      { customer: { id: sender }, evidence: [{ kind: "email_seen", email: "jules@bureau.test" }] },
    ]);
  });
});
