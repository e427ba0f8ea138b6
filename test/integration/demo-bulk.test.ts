// The demo story is written in bulk from rules applied in memory: it must leave the very desk that
// telling it message by message through the intake and the commands leaves — every row of every table
// it writes, ids and random references aside.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load-demo.ts";
import { replayDemo } from "../helpers/demo-replay/replay-demo.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

/** The story's moment, the same for both tellings; a minute back so that no row lies ahead of now(). */
const storyNow = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);

type Row = Record<string, unknown>;
type Snapshot = Record<string, string[]>;

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** An instant as PostgreSQL writes it ("2026-12-05 19:15:35.379+00") or as JSON does. */
const instant = /"(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d(?::?\d\d)?))"/g;
const epochOf = (text: string) =>
  new Date(text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")).getTime();

async function rowsOf(desk: Desk, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await desk.booted.rt.db.execute(query)).rows as Row[];
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

/**
 * Every row the story writes, as sorted JSON: ids become what they name (a user's email, a
 * conversation's subject and first instant…), references and Message-IDs (random) are masked, and
 * instants after the story's moment (rows stamped by the database's clock) read "load time".
 */
async function snapshot(desk: Desk): Promise<Snapshot> {
  const labels = new Map<string, string>();
  const name = (id: unknown, label: string) => {
    const key = String(id);
    const known = labels.get(key);
    if (known !== undefined && known !== label) throw new Error(`${key} is ${known} and ${label}`);
    if ([...labels.values()].includes(label) && known === undefined) {
      throw new Error(`two rows are labelled ${label}`);
    }
    labels.set(key, label);
  };
  const references = new Map<string, string>();
  labels.set(desk.workspaceId, "workspace");
  const named: Array<[ReturnType<typeof sql>, (r: Row) => string]> = [
    [sql`select id, email from users`, (r) => `user ${r.email}`],
    [sql`select id, slug from brands`, (r) => `brand ${r.slug}`],
    [sql`select id, name from calendars`, (r) => `calendar ${r.name}`],
    [sql`select id, name from teams`, (r) => `team ${r.name}`],
    [sql`select id, name from organisations`, (r) => `organisation ${r.name}`],
    [sql`select id, name from customers`, (r) => `customer ${r.name}`],
    [sql`select id, kind, value from customer_identities`, (r) => `identity ${r.kind}:${r.value}`],
  ];
  for (const [query, label] of named) {
    for (const r of await rowsOf(desk, query)) name(r.id, label(r));
  }
  for (const r of await rowsOf(
    desk,
    sql`select id, subject, reference, created_at from conversations`,
  )) {
    const label = `conversation ${r.subject} @${iso(r.created_at)}`;
    name(r.id, label);
    references.set(String(r.reference), `[${label}]`);
  }
  for (const r of await rowsOf(
    desk,
    sql`select id, conversation_id, direction, created_at from messages`,
  )) {
    name(
      r.id,
      `message ${r.direction} of ${labels.get(String(r.conversation_id))} @${iso(r.created_at)}`,
    );
  }
  for (const r of await rowsOf(desk, sql`select id from events`)) labels.set(String(r.id), "event");

  const canonical = (row: Row) => {
    let text = JSON.stringify(row, (_key, value) => value);
    text = text.replace(uuid, (id) => labels.get(id) ?? `unknown ${id}`);
    for (const [reference, label] of references) text = text.split(reference).join(label);
    return text.replace(instant, (whole, at: string) =>
      epochOf(at) > storyNow.getTime() ? '"load time"' : whole,
    );
  };
  const table = async (query: ReturnType<typeof sql>) =>
    (await rowsOf(desk, query)).map(canonical).sort();
  return {
    customers: await table(sql`select * from customers`),
    identities: await table(sql`select * from customer_identities`),
    conversations: await table(sql`select * from conversations`),
    messages: await table(
      sql`select *, (case when external_id is null then null else 'message-id' end) as external_id
        from messages`,
    ),
    // The story's own events: the test desk's users and tokens were made at the real time, later.
    events: await table(
      sql`select * from events where type <> 'demo.loaded' and created_at <= ${storyNow}`,
    ),
    jobs: await table(sql`select name, data from pgboss.job where name <> '__pgboss__maintenance'`),
  };
}

let bulk: Desk;
let replayed: Desk;

beforeAll(async () => {
  [bulk, replayed] = await Promise.all([startDesk(), startDesk()]);
  const at = <D extends Desk>(desk: D) => ({ ...desk.booted.rt, now: () => storyNow });
  await loadDemo(at(bulk), bulk.workspaceId);
  await replayDemo(at(replayed), replayed.workspaceId);
});
afterAll(async () => {
  await bulk?.close();
  await replayed?.close();
});

describe("the demo story written in bulk", () => {
  let written: Snapshot;
  let told: Snapshot;
  beforeAll(async () => {
    written = await snapshot(bulk);
    told = await snapshot(replayed);
  });

  it("writes the customers and identities the intake would have created", () => {
    expect(written.customers).toEqual(told.customers);
    expect(written.identities).toEqual(told.identities);
  });

  it("leaves every conversation as the rules leave it: status, wait, clocks, counts, times", () => {
    expect(written.conversations?.length).toBeGreaterThan(50);
    expect(written.conversations).toEqual(told.conversations);
  });

  it("writes the same messages", () => {
    expect(written.messages).toEqual(told.messages);
  });

  it("writes the same timeline, event for event", () => {
    expect(written.events).toEqual(told.events);
  });

  it("queues the same jobs: only what closing as spam teaches the model", () => {
    expect(written.jobs?.length).toBeGreaterThan(0);
    expect(written.jobs).toEqual(told.jobs);
  });
});
