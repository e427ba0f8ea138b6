// The timeline of a customer with 10,000 events: its first page and the next ones are read from
// the index events_customer in order (a keyset on the raw created_at and id, no function in ORDER
// BY, no sort of the customer's events), and the API pages through them without skipping any.
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timelinePage } from "../../src/store/queries/customers.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
};

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

let desk: Desk;
let heavy: string;
beforeAll(async () => {
  desk = await startDesk();
  const write = async (email: string) => {
    const res = await desk.app.inject({
      method: "POST",
      url: "/api/v1/messages/inbound",
      headers: desk.as("advisor"),
      payload: { channel: "api", from: { email }, subject: "Hello", body: "Hello" },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().customer_id as string;
  };
  heavy = await write("heavy@timeline.test");
  const other = await write("other@timeline.test");
  // 10,000 events for the heavy customer (some in the same millisecond: the id breaks ties), and
  // as many for another one, so the index has to choose.
  for (const customer of [heavy, other]) {
    await desk.booted.rt.db.execute(sql`
      insert into events (workspace_id, id, type, actor_kind, customer_id, data, created_at)
      select ${desk.workspaceId}::uuid, gen_random_uuid(), 'customer.updated', 'system',
             ${customer}::uuid, '{"fields": ["notes"]}'::jsonb,
             now() - interval '1 day' - (g / 2) * interval '1 second'
      from generate_series(1, 10000) g`);
  }
  await desk.booted.rt.db.execute(sql`analyze events`);
});
afterAll(() => desk?.close());

async function planOf(after?: { at: Date; id: string }) {
  const query = timelinePage(desk.booted.rt.db, desk.workspaceId, heavy, { after, limit: 25 });
  const { sql: text, params } = query.toSQL();
  const client = new pg.Client({ connectionString: desk.booted.databaseUrl });
  await client.connect();
  try {
    const explained = await client.query(`explain (analyze, format json) ${text}`, params);
    const [plan] = explained.rows[0]["QUERY PLAN"] as Array<{
      Plan: PlanNode;
      "Execution Time": number;
    }>;
    if (!plan) throw new Error("no plan");
    return { text, nodes: nodesOf(plan.Plan), ms: plan["Execution Time"] };
  } finally {
    await client.end();
  }
}

describe("the timeline of a customer with 10,000 events", () => {
  it("orders by the raw columns, with no function in ORDER BY", async () => {
    const { text } = await planOf();
    const order = text.slice(text.toLowerCase().indexOf("order by"));
    expect(order).toMatch(/^order by "events"\."created_at" desc nulls last, "events"\."id" desc/i);
    expect(order).not.toMatch(/\w\(/);
  });

  it("reads the first page and a later one from the index in order, without sorting", async () => {
    const first = await planOf();
    const events = desk.booted.rt.db;
    const [row] = (
      await events.execute<{ created_at: Date; id: string }>(sql`
        select created_at, id from events where customer_id = ${heavy}::uuid
        order by created_at desc, id desc offset 5000 limit 1`)
    ).rows;
    if (!row) throw new Error("no event");
    const later = await planOf({ at: new Date(row.created_at), id: row.id });
    for (const plan of [first, later]) {
      const types = plan.nodes.map((n) => n["Node Type"]);
      expect(types).not.toContain("Sort");
      expect(types).not.toContain("Seq Scan");
      expect(plan.nodes.some((n) => n["Index Name"] === "events_customer")).toBe(true);
      // Printed, not asserted: the machine is shared.
      console.log(`timeline page plan: ${types.join(" > ")}, ${plan.ms.toFixed(2)} ms`);
    }
  });

  it("pages through every event over the API, none skipped or repeated", async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await desk.app.inject({
        method: "GET",
        url: `/api/v1/customers/${heavy}/timeline?limit=100${cursor ? `&cursor=${cursor}` : ""}`,
        headers: desk.as("advisor"),
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Array<{ id: string }>; next_cursor: string | null };
      for (const item of body.items) seen.add(item.id);
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor && pages < 200);
    const [count] = (
      await desk.booted.rt.db.execute<{ n: number }>(
        sql`select count(*)::int as n from events where customer_id = ${heavy}::uuid`,
      )
    ).rows;
    expect(seen.size).toBe(count?.n);
    expect(seen.size).toBeGreaterThan(10_000);
  });
});
