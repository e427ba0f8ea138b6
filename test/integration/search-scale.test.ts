// Full-text search past its candidates: a word in more messages than search ranks is found through
// the newest-first walk, a rarer one through the GIN index, and both page the same way.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexPendingMessages } from "../../src/jobs/index-search.ts";
import { searchCandidates } from "../../src/store/queries/conversations.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

async function inbound(email: string, subject: string, body: string) {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: { channel: "form", from: { email }, subject, body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { conversation_id: string; message_id: string };
}

async function ids(q: string) {
  const res = await desk.app.inject({
    method: "GET",
    url: `/api/v1/conversations?q=${encodeURIComponent(q)}&limit=100`,
    headers: desk.as("advisor"),
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Array<{ id: string }>).map((c) => c.id);
}

describe("searching more matches than are ranked", () => {
  it("finds a common word through the walk and a rare one through the index, in one desk", async () => {
    const rare = await inbound("rare@example.com", "Hello", "An ocelot sat on the parcel.");
    const common = await inbound("common@example.com", "Hello", "A zebra crossing.");
    // More messages with the common word than the search ranks, written after the rare one.
    const copies = searchCandidates + 100;
    await desk.booted.rt.db.execute(sql`
      insert into messages
      select (jsonb_populate_record(null::messages, to_jsonb(m) || jsonb_build_object(
        'id', gen_random_uuid(), 'body_text', 'Another zebra, number ' || g,
        'search_vector', null, 'created_at', m.created_at + g * interval '1 second'))).*
      from messages m, generate_series(1, ${copies}) g
      where m.workspace_id = ${desk.workspaceId} and m.id = ${common.message_id}`);
    while ((await indexPendingMessages(desk.booted.rt)) > 0) {}
    const indexed = await desk.booted.rt.db.execute(
      sql`select count(*)::int as n from messages where search_vector @@ rapport_search_query('zebra')`,
    );
    expect(indexed.rows[0]?.n).toBe(copies + 1);

    expect(await ids("zebra")).toEqual([common.conversation_id]);
    expect(await ids("ocelot")).toEqual([rare.conversation_id]);
    expect(await ids("parcel")).toEqual([rare.conversation_id]);
    expect(await ids("zebra ocelot")).toEqual([]);
  });
});
