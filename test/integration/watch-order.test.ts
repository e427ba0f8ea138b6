// The unanswered watch's order through the API: time left first, then urgency among conversations
// due the same minute; paging lists every row once; the plan reads the watch's index in order.
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unansweredQuery } from "../../src/store/queries/unanswered.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let client: pg.Client;
// name → [due time or null, priority]
const planned = {
  lowEarly: ["2026-12-07 10:00:30+00", "low"],
  urgentSameMinute: ["2026-12-07 10:00:50+00", "urgent"],
  highSameMinute: ["2026-12-07 10:00:50+00", "high"],
  normalSameInstant: ["2026-12-07 10:00:50+00", "normal"],
  urgentNextMinute: ["2026-12-07 10:01:00+00", "urgent"],
  normalNoClock: [null, "normal"],
  urgentNoClock: [null, "urgent"],
} as const;
type Name = keyof typeof planned;
const made = new Map<string, Name>();

async function call(method: string, url: string, payload?: object) {
  const res = await desk.app.inject({
    method: method as "GET",
    url,
    headers: desk.as("advisor"),
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.json() };
}

beforeAll(async () => {
  desk = await startDesk();
  client = new pg.Client({ connectionString: desk.config.databaseUrl });
  await client.connect();
  for (const [name, [due, priority]] of Object.entries(planned)) {
    const intake = await call("POST", "/api/v1/messages/inbound", {
      channel: "form",
      from: { email: `${name.toLowerCase()}@example.com`, name },
      subject: `About ${name}`,
      body: "A question about my order.",
    });
    expect(intake.status).toBe(201);
    const id = intake.body.conversation_id as string;
    made.set(id, name as Name);
    const changed = await call("PATCH", `/api/v1/conversations/${id}`, { priority });
    expect(changed.status).toBe(200);
    await desk.booted.rt.db.execute(sql`update conversations
      set first_response_due_at = ${due}::timestamptz, next_response_due_at = null
      where id = ${id}::uuid`);
  }
});
afterAll(async () => {
  await client?.end();
  await desk?.close();
});

/** The watch's rows that this file made, by name, following every page at `limit`. */
async function walk(limit: number): Promise<{ names: Name[]; ids: string[] }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await call(
      "GET",
      `/api/v1/unanswered?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((i: { id: string }) => i.id));
    cursor = page.body.next_cursor;
    if (!cursor) break;
  }
  const names = ids.flatMap((id) => made.get(id) ?? []);
  return { names, ids };
}

describe("the unanswered watch's order", () => {
  it("puts the urgent first among conversations due the same minute, time left before urgency", async () => {
    const { names } = await walk(100);
    // lowEarly is due in the same minute too: urgency orders the whole minute.
    expect(names).toEqual([
      "urgentSameMinute",
      "highSameMinute",
      "normalSameInstant",
      "lowEarly",
      "urgentNextMinute",
      "urgentNoClock",
      "normalNoClock",
    ]);
  });

  it("lists every row once, in the same order, at every page size", async () => {
    const whole = await walk(100);
    for (const limit of [1, 2, 3, 5]) {
      const paged = await walk(limit);
      expect(paged.ids).toEqual(whole.ids);
      expect(new Set(paged.ids).size).toBe(paged.ids.length);
    }
  });

  it("refuses a tampered cursor with 400 and changes nothing", async () => {
    const first = await call("GET", "/api/v1/unanswered?limit=2");
    const cursor = first.body.next_cursor as string;
    const [payload, signature] = cursor.split(".");
    const key = JSON.parse(Buffer.from(payload as string, "base64url").toString());
    key[2] = 0;
    const forged = `${Buffer.from(JSON.stringify(key)).toString("base64url")}.${signature}`;
    const refused = await call("GET", `/api/v1/unanswered?cursor=${encodeURIComponent(forged)}`);
    expect(refused.status).toBe(400);
    expect(refused.body.code ?? refused.body.type).toMatch(/invalid_cursor/);
    const again = await call("GET", "/api/v1/unanswered?limit=2");
    expect(again.body.items).toEqual(first.body.items);
  });
});

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

async function nodesOf(query: { sql: string; params: unknown[] }): Promise<string[]> {
  const explained = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
    `explain (format json) ${query.sql}`,
    query.params,
  );
  const nodes: string[] = [];
  const visit = (node: PlanNode) => {
    nodes.push(
      typeof node["Index Name"] === "string"
        ? `${node["Node Type"]} on ${node["Index Name"]}`
        : String(node["Node Type"]),
    );
    for (const child of node.Plans ?? []) visit(child);
  };
  const [plan] = explained.rows[0]?.["QUERY PLAN"] ?? [];
  if (plan) visit(plan.Plan);
  return nodes;
}

describe("the watch's plan", () => {
  it("reads the watch's indexes in order, the whole desk's and one advisor's, without a sort", async () => {
    // Sequential scans priced out: a small test desk then plans as a million-conversation one.
    await client.query("set enable_seqscan = off");
    const db = desk.booted.rt.db;
    const filter = { workspaceId: desk.workspaceId, limit: 50 };
    const position = {
      at: new Date("2026-12-07T10:00:50Z"),
      id: [...made.keys()][0] ?? "",
      rank: 1,
    };
    const mine = { ...filter, assigneeId: desk.users.advisor.id };
    for (const [query, index] of [
      [unansweredQuery(db, filter).toSQL(), "conversations_unanswered"],
      [unansweredQuery(db, { ...filter, after: position }).toSQL(), "conversations_unanswered"],
      [unansweredQuery(db, mine).toSQL(), "conversations_unanswered_assignee"],
      [
        unansweredQuery(db, { ...mine, after: position }).toSQL(),
        "conversations_unanswered_assignee",
      ],
    ] as const) {
      const nodes = await nodesOf(query);
      expect(nodes).toContain(`Index Scan on ${index}`);
      expect(nodes.filter((n) => n.includes("Sort"))).toEqual([]);
    }
  });
});
