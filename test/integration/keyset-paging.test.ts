// The one keyset paging helper, through the lists that use it: rows sharing one sort time (even one
// written with microseconds) are each listed exactly once, in order, whatever the page size.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
const made: Array<{ conversation_id: string; customer_id: string }> = [];
// Microseconds on purpose: PostgreSQL keeps the millisecond the cursor carries.
const sameInstant = "2026-03-04 05:06:07.891234+00";

beforeAll(async () => {
  desk = await startDesk();
  for (let i = 0; i < 7; i++) {
    const answer = await desk.app.inject({
      method: "POST",
      url: "/api/v1/messages/inbound",
      headers: desk.as("advisor"),
      payload: {
        channel: "form",
        from: { email: `tie-${i}@example.com`, name: `Tie ${i}` },
        subject: `Tie ${i}`,
        body: "Same time as the others.",
      },
    });
    expect(answer.statusCode).toBe(201);
    made.push(answer.json());
  }
  const db = desk.booted.rt.db;
  await db.execute(sql`update conversations set last_activity_at = ${sameInstant}::timestamptz,
    first_response_due_at = ${sameInstant}::timestamptz`);
  await db.execute(sql`update customers set created_at = ${sameInstant}::timestamptz`);
  await db.execute(sql`update events set created_at = ${sameInstant}::timestamptz`);
});
afterAll(async () => {
  await desk?.close();
});

/** Every page of a list with `limit`, following next_cursor. */
async function walk(url: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const join = url.includes("?") ? "&" : "?";
    const answer = await desk.app.inject({
      method: "GET",
      url: `${url}${join}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      headers: desk.as("admin"),
    });
    expect(answer.statusCode).toBe(200);
    const page = answer.json() as { items: Array<{ id: string }>; next_cursor: string | null };
    pages.push(page.items.map((i) => i.id));
    cursor = page.next_cursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor);
  return pages;
}

const descending = (ids: string[]) => [...ids].sort().reverse();

describe("keyset paging over equal sort times", () => {
  it("stores the paged times to the millisecond", async () => {
    const rows = await desk.booted.rt.db.execute(
      sql`select distinct last_activity_at::text as at from conversations`,
    );
    expect(rows.rows.map((r) => r.at)).toEqual(["2026-03-04 05:06:07.891+00"]);
  });

  it("lists conversations once each, ties by id, at every page size", async () => {
    const all = made.map((m) => m.conversation_id);
    for (const limit of [1, 2, 3, 7, 25]) {
      const pages = await walk("/api/v1/conversations", limit);
      expect(pages.flat()).toEqual(descending(all));
      expect(pages.every((p) => p.length <= limit)).toBe(true);
    }
  });

  it("lists filtered conversations and the unanswered view the same way", async () => {
    const all = made.map((m) => m.conversation_id);
    expect((await walk("/api/v1/conversations?status=new", 2)).flat()).toEqual(descending(all));
    const unanswered = (await walk("/api/v1/unanswered", 2)).flat();
    expect(unanswered).toEqual([...all].sort());
  });

  it("lists customers, found or not, once each", async () => {
    const all = [...new Set(made.map((m) => m.customer_id))];
    expect((await walk("/api/v1/customers", 2)).flat()).toEqual(descending(all));
    expect((await walk("/api/v1/customers?q=tie", 3)).flat()).toEqual(descending(all));
  });

  it("lists a customer's timeline once each", async () => {
    const customer = made[0]?.customer_id;
    const everything = (await walk(`/api/v1/customers/${customer}/timeline`, 100)).flat();
    expect(everything.length).toBeGreaterThan(2);
    expect((await walk(`/api/v1/customers/${customer}/timeline`, 1)).flat()).toEqual(everything);
    expect(everything).toEqual(descending(everything));
  });
});
