// Messages are indexed for search after their transaction: found at once all the same (their body
// read directly), then indexed by the search indexer, which the job workers keep running.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexPendingMessages, startSearchIndexer } from "../../src/jobs/index-search.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(async () => {
  await desk?.close();
});

let sender = 0;
async function inbound(subject: string, body: string): Promise<string> {
  sender += 1;
  const answer = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: { channel: "form", from: { email: `indexed-${sender}@example.com` }, subject, body },
  });
  expect(answer.statusCode).toBe(201);
  return answer.json().conversation_id;
}

async function idsOf(q: string): Promise<string[]> {
  const answer = await desk.app.inject({
    method: "GET",
    url: `/api/v1/conversations?q=${encodeURIComponent(q)}`,
    headers: desk.as("advisor"),
  });
  expect(answer.statusCode).toBe(200);
  return answer.json().items.map((c: { id: string }) => c.id);
}

/** How many messages wait for their search vector, and how many hold a wrong one. */
async function vectors() {
  const { rows } = await desk.booted.rt.db.execute<{ pending: number; wrong: number }>(sql`
    select count(*) filter (where search_vector is null)::int as pending,
           count(*) filter (where search_vector is distinct from rapport_search_vector(body_text))::int as wrong
      from messages`);
  return rows[0] as { pending: number; wrong: number };
}

describe("indexing messages for search", () => {
  it("finds a message before it is indexed, and the same after", async () => {
    const id = await inbound("Hello", "Le parapluie est arrivé déchiré.");
    expect((await vectors()).pending).toBeGreaterThan(0);
    expect(await idsOf("parapluies dechires")).toEqual([id]);

    while ((await indexPendingMessages(desk.booted.rt, 2)) > 0) {}
    expect(await vectors()).toEqual({ pending: 0, wrong: 0 });
    expect(await idsOf("parapluies dechires")).toEqual([id]);
    expect(await idsOf("hello")).toEqual([id]);
  });

  it("ranks an indexed body and a body not indexed yet alike", async () => {
    const indexed = await inbound("Question", "Ma bouilloire fuit, la bouilloire fuit encore.");
    while ((await indexPendingMessages(desk.booted.rt)) > 0) {}
    const pending = await inbound("Question", "Ma bouilloire fuit.");
    expect(await idsOf("bouilloire")).toEqual([indexed, pending]);
  });

  it("indexes new messages by itself once started, batch after batch", async () => {
    const indexer = startSearchIndexer(desk.booted.rt, { intervalMs: 20, batch: 2 });
    try {
      for (let i = 0; i < 5; i++) await inbound(`Théière ${i}`, `La théière numéro ${i} goutte.`);
      // Waits for the indexer (a bounded number of looks), whatever the machine's speed.
      for (let look = 0; look < 500 && (await vectors()).pending > 0; look++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await vectors()).toEqual({ pending: 0, wrong: 0 });
    } finally {
      await indexer.stop();
    }
  });
});
