// Organisations through the API: managers and admins create and change them (domains each held once,
// never a shared provider; the advisor, backup and partner manager active users), advisors read them,
// every change is an event, and a customer of an organisation with an advisor is routed to them.
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisationDomainLock } from "../../src/commands/organisation/organisation-checks.ts";
import { events, organisations, workspaces } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { eventually } from "../helpers/eventually.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

type Role = "admin" | "manager" | "advisor";
const call = (
  method: "GET" | "POST" | "PATCH",
  url: string,
  role: Role,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  desk.app.inject({
    method,
    url,
    headers: { ...desk.as(role), ...headers },
    ...(payload ? { payload } : {}),
  });

const countOf = async (table: typeof organisations | typeof events) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

let made = 0;
async function organisation(fields: object = {}, role: Role = "manager") {
  const res = await call("POST", "/api/v1/organisations", role, {
    name: `Organisation ${++made}`,
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function eventsOf(type: string, organisationId: string) {
  return desk.booted.rt.db
    .select()
    .from(events)
    .where(
      sql`${events.type} = ${type} and ${events.data}->>'organisation_id' = ${organisationId}`,
    );
}

/** Everything a refused write must leave as it was: the organisations and the events. */
async function snapshot() {
  const list = await call("GET", "/api/v1/organisations?limit=100", "admin");
  return { list: list.json(), events: await countOf(events) };
}

describe("organisations", () => {
  it("a manager creates one with its domains and people; an advisor reads it; an event says who", async () => {
    const created = await organisation({
      name: "Maison Roux",
      domains: ["Maison-Roux.FR", "@atelier-roux.example"],
      is_partner: true,
      partner_manager_id: desk.users.manager.id,
      advisor_id: desk.users.advisor.id,
      notes: "Orders twice a year.",
    });
    expect(created).toMatchObject({
      name: "Maison Roux",
      domains: ["maison-roux.fr", "atelier-roux.example"],
      is_partner: true,
      partner_manager_id: desk.users.manager.id,
      advisor_id: desk.users.advisor.id,
      backup_id: null,
      notes: "Orders twice a year.",
    });
    const read = await call("GET", `/api/v1/organisations/${created.id}`, "advisor");
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(created);
    const [event] = await eventsOf("organisation.created", created.id);
    expect(event).toMatchObject({ actorKind: "user", actorId: desk.users.manager.id });
    expect(event?.after).toMatchObject({
      id: created.id,
      domains: ["maison-roux.fr", "atelier-roux.example"],
      advisorId: desk.users.advisor.id,
    });
  });

  it("a patch changes what it gives, null clears a person, and the event holds before and after", async () => {
    const o = await organisation({ advisor_id: desk.users.advisor.id, domains: ["patch.example"] });
    const res = await call("PATCH", `/api/v1/organisations/${o.id}`, "admin", {
      name: "Renamed",
      advisor_id: null,
      backup_id: desk.users.manager.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: "Renamed",
      advisor_id: null,
      backup_id: desk.users.manager.id,
      domains: ["patch.example"],
    });
    const [event] = await eventsOf("organisation.updated", o.id);
    expect(event?.before).toEqual({
      name: o.name,
      advisorId: desk.users.advisor.id,
      backupId: null,
    });
    expect(event?.after).toEqual({
      name: "Renamed",
      advisorId: null,
      backupId: desk.users.manager.id,
    });
    const again = await call("PATCH", `/api/v1/organisations/${o.id}`, "admin", {
      name: "Renamed",
    });
    expect(again.statusCode).toBe(200);
    expect(await eventsOf("organisation.updated", o.id)).toHaveLength(1);
  });

  it("refuses invalid input with a 400 that changes nothing", async () => {
    const o = await organisation({ domains: ["valid.example"] });
    const before = await snapshot();
    const unknownUser = "0190f2a4-0000-7000-8000-000000000000";
    const invalid: Array<[string, object]> = [
      ["a shared provider", { domains: ["gmail.com"] }],
      ["a shared provider in capitals", { domains: ["valid2.example", "Hotmail.COM"] }],
      ["not a domain", { domains: ["not a domain"] }],
      ["an unknown advisor", { advisor_id: unknownUser }],
      [
        "the advisor as backup",
        { advisor_id: desk.users.advisor.id, backup_id: desk.users.advisor.id },
      ],
      ["an empty name", { name: " " }],
      ["an unknown field", { website: "https://roux.example" }],
      ["a wrong type", { is_partner: "yes" }],
    ];
    for (const [why, body] of invalid) {
      const patch = await call("PATCH", `/api/v1/organisations/${o.id}`, "manager", body);
      expect(patch.statusCode, `PATCH ${why}: ${patch.body}`).toBe(400);
      const post = await call("POST", "/api/v1/organisations", "manager", { name: "New", ...body });
      expect(post.statusCode, `POST ${why}: ${post.body}`).toBe(400);
    }
    const shared = await call("PATCH", `/api/v1/organisations/${o.id}`, "manager", {
      domains: ["gmail.com"],
    });
    expect(shared.json().errors?.[0]).toMatchObject({ path: "/domains/0" });
    expect((await call("PATCH", `/api/v1/organisations/${o.id}`, "manager", {})).statusCode).toBe(
      400,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a domain another organisation holds (409), whatever its case, and changes nothing", async () => {
    await organisation({ domains: ["taken.example"] });
    const other = await organisation({ domains: ["free.example"] });
    const before = await snapshot();
    const post = await call("POST", "/api/v1/organisations", "manager", {
      name: "Copycat",
      domains: ["Taken.Example"],
    });
    expect(post.statusCode).toBe(409);
    expect(post.json()).toMatchObject({ code: "conflict" });
    expect(post.json().detail).toContain("taken.example");
    const patch = await call("PATCH", `/api/v1/organisations/${other.id}`, "admin", {
      domains: ["free.example", "taken.example"],
    });
    expect(patch.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
    // Its own domains are not taken from itself.
    const kept = await call("PATCH", `/api/v1/organisations/${other.id}`, "admin", {
      domains: ["free.example", "more.example"],
    });
    expect(kept.statusCode, kept.body).toBe(200);
  });

  it("makes a creation wait for a concurrent claim of the same domain, then refuses it (409)", async () => {
    // Another writer holds the workspace's domain lock and has written, not yet committed, an
    // organisation with the domain: the API must wait for it and then see the domain taken.
    const other = new pg.Client({ connectionString: desk.booted.databaseUrl });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select pg_advisory_xact_lock($1, hashtext($2))", [
        organisationDomainLock,
        desk.workspaceId,
      ]);
      await other.query(
        `insert into organisations (workspace_id, id, name, domains)
         values ($1, $2, 'First racer', '["race.example"]'::jsonb)`,
        [desk.workspaceId, desk.booted.rt.newId()],
      );
      let settled = false;
      const second = call("POST", "/api/v1/organisations", "manager", {
        name: "Second racer",
        domains: ["race.example"],
      }).finally(() => {
        settled = true;
      });
      // The lock is the only thing the request can wait for: once it waits on it, commit.
      await eventually(async () => {
        const waiting = await other.query(
          `select count(*)::int as n from pg_locks
           where locktype = 'advisory' and not granted and classid = $1 and objsubid = 2
             and database = (select oid from pg_database where datname = current_database())`,
          [organisationDomainLock],
        );
        return waiting.rows[0].n === 1;
      });
      expect(settled).toBe(false);
      await other.query("commit");
      expect((await second).statusCode).toBe(409);
    } finally {
      await other.end();
    }
    const holders = await desk.booted.rt.db
      .select()
      .from(organisations)
      .where(sql`${organisations.domains} ? 'race.example'`);
    expect(holders.map((o) => o.name)).toEqual(["First racer"]);
  });

  it("lets an advisor read but not write (403, nothing changed)", async () => {
    const o = await organisation();
    const before = await snapshot();
    const post = await call("POST", "/api/v1/organisations", "advisor", { name: "Mine" });
    expect(post.statusCode).toBe(403);
    const patch = await call("PATCH", `/api/v1/organisations/${o.id}`, "advisor", { name: "Mine" });
    expect(patch.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await call("GET", "/api/v1/organisations", "advisor")).statusCode).toBe(200);
  });

  it("does not show or change another workspace's organisation (404)", async () => {
    const db = desk.booted.rt.db;
    const otherWorkspace = "0190a1b2-0000-7000-8000-00000000ab01";
    const theirs = "0190a1b2-0000-7000-8000-00000000ab02";
    await db.insert(workspaces).values({ id: otherWorkspace, name: "Elsewhere" });
    await db.insert(organisations).values({
      workspaceId: otherWorkspace,
      id: theirs,
      name: "Their organisation",
      domains: ["elsewhere.example"],
    });
    expect((await call("GET", `/api/v1/organisations/${theirs}`, "admin")).statusCode).toBe(404);
    const patch = await call("PATCH", `/api/v1/organisations/${theirs}`, "admin", { name: "Ours" });
    expect(patch.statusCode).toBe(404);
    const list = (await call("GET", "/api/v1/organisations?limit=100", "admin")).json().items;
    expect(list.map((o: { id: string }) => o.id)).not.toContain(theirs);
    // Domains are held per workspace: theirs does not stop ours.
    await organisation({ domains: ["elsewhere.example"] });
    const [row] = await db.select().from(organisations).where(sql`${organisations.id} = ${theirs}`);
    expect(row?.name).toBe("Their organisation");
  });

  it("replays a creation with the same Idempotency-Key: 201, then 200, created once", async () => {
    const post = (name: string) =>
      call(
        "POST",
        "/api/v1/organisations",
        "manager",
        { name, domains: ["idem.example"] },
        {
          "idempotency-key": "organisation idem",
        },
      );
    const first = await post("Idem");
    const again = await post("Idem");
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await post("Another")).statusCode).toBe(422);
    const [n] = await desk.booted.rt.db
      .select({ n: sql<number>`count(*)::int` })
      .from(organisations)
      .where(sql`${organisations.name} = 'Idem'`);
    expect(n?.n).toBe(1);
  });

  it("lists newest first, pages by cursor and finds by part of the name in any case or accent", async () => {
    await organisation({ name: "Crème Brûlée SARL" });
    await organisation({ name: "Creme de la creme" });
    const found = (await call("GET", "/api/v1/organisations?q=CREME", "advisor")).json().items;
    expect(found.map((o: { name: string }) => o.name)).toEqual([
      "Creme de la creme",
      "Crème Brûlée SARL",
    ]);
    const all = (await call("GET", "/api/v1/organisations?limit=100", "advisor")).json().items;
    const first = (await call("GET", "/api/v1/organisations?limit=2", "advisor")).json();
    const second = (
      await call("GET", `/api/v1/organisations?limit=2&cursor=${first.next_cursor}`, "advisor")
    ).json();
    expect([...first.items, ...second.items].map((o: { id: string }) => o.id)).toEqual(
      all.slice(0, 4).map((o: { id: string }) => o.id),
    );
    expect((await call("GET", "/api/v1/organisations?q=%25", "advisor")).json().items).toEqual([]);
  });
});

describe("an organisation's advisor, through the API only", () => {
  it("gets the new conversation of a customer of the organisation who has no advisor", async () => {
    const yann = await call("POST", "/api/v1/users", "admin", {
      email: "yann@desk.test",
      name: "Yann Le Gall",
      role: "advisor",
    });
    expect(yann.statusCode, yann.body).toBe(201);
    const o = await organisation({ name: "Atelier Bleu", advisor_id: yann.json().id });
    const inbound = (subject: string) =>
      call("POST", "/api/v1/messages/inbound", "admin", {
        channel: "api",
        from: { email: "buyer@atelier-bleu.example", name: "Buyer" },
        subject,
        body: "Hello, a question.",
      });
    const first = await inbound("Before the organisation");
    expect(first.statusCode, first.body).toBe(201);
    const customerId = first.json().customer_id;
    const joined = await call("PATCH", `/api/v1/customers/${customerId}`, "manager", {
      organisation_id: o.id,
    });
    expect(joined.statusCode, joined.body).toBe(200);
    const second = await inbound("Where is my invoice?");
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().conversation_id).not.toBe(first.json().conversation_id);
    const conversation = (
      await call("GET", `/api/v1/conversations/${second.json().conversation_id}`, "admin")
    ).json();
    expect(conversation.assignee_id).toBe(yann.json().id);
    expect(conversation.routing).toMatchObject({ code: "advisor", assignee_name: "Yann Le Gall" });
  });
});
