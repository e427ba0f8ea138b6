// Full-text search of conversations through the API: subjects and bodies, French and English word
// forms, accents folded, the reference, ranking and keyset paging.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexPendingMessages } from "../../src/jobs/index-search.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(async () => {
  await desk?.close();
});

type Created = { conversation_id: string; reference: string };
type Listed = { items: Array<{ id: string; subject: string }>; next_cursor: string | null };

let sender = 0;
async function inbound(
  subject: string,
  body: string,
  thread?: { conversationId?: string; email: string },
): Promise<Created> {
  sender += 1;
  const answer = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: {
      channel: "form",
      from: { email: thread?.email ?? `search-${sender}@example.com` },
      subject,
      body,
      ...(thread?.conversationId ? { conversation_id: thread.conversationId } : {}),
    },
  });
  expect(answer.statusCode).toBe(201);
  return answer.json();
}

async function search(q: string, extra = ""): Promise<Listed> {
  const answer = await desk.app.inject({
    method: "GET",
    url: `/api/v1/conversations?q=${encodeURIComponent(q)}${extra}`,
    headers: desk.as("advisor"),
  });
  expect(answer.statusCode).toBe(200);
  return answer.json();
}
const idsOf = async (q: string) => (await search(q)).items.map((c) => c.id);

describe("searching conversations", () => {
  let parcel: Created;
  let delivery: Created;
  let damaged: Created;
  beforeAll(async () => {
    parcel = await inbound("Colis abîmé", "Bonjour, mon colis est arrivé complètement abîmé.");
    delivery = await inbound("Question", "Les livraisons sont toujours en retard depuis Noël.");
    damaged = await inbound("Refund", "The parcels were damaged during the delivery.");
    await inbound("Unrelated", "Could I change my password?");
  });

  it("finds French word forms without their accents, in subjects and bodies", async () => {
    expect(await idsOf("abime")).toEqual([parcel.conversation_id]);
    expect(await idsOf("abîmés")).toEqual([parcel.conversation_id]);
    expect(await idsOf("COLIS")).toEqual([parcel.conversation_id]);
    expect(await idsOf("livraison")).toEqual([delivery.conversation_id]);
    expect(await idsOf("noel")).toEqual([delivery.conversation_id]);
  });

  it("finds a French past participle whatever its gender, accents typed or not", async () => {
    const arrived = await inbound("Enfin", "Ma commande est arrivée ce matin.");
    for (const q of ["arrivé", "arrivée", "arrivee", "ARRIVEE"]) {
      expect((await idsOf(q)).sort(), q).toEqual(
        [parcel.conversation_id, arrived.conversation_id].sort(),
      );
    }
    expect(await idsOf("commande arrivé")).toEqual([arrived.conversation_id]);
  });

  it("finds English word forms", async () => {
    expect(await idsOf("parcel")).toEqual([damaged.conversation_id]);
    expect(await idsOf("damage")).toEqual([damaged.conversation_id]);
    expect(await idsOf("refunds")).toEqual([damaged.conversation_id]);
  });

  it("requires every word of the query, and finds nothing for an absent word", async () => {
    expect(await idsOf("colis retard")).toEqual([]);
    expect(await idsOf("livraisons retard")).toEqual([delivery.conversation_id]);
    expect(await idsOf("hippopotame")).toEqual([]);
  });

  it("finds a word of a later message of the conversation", async () => {
    const email = "thread@example.com";
    const thread = await inbound("Order 12", "Where is my order?", { email });
    await inbound("Re: Order 12", "Also the umbrella handle is cracked.", {
      email,
      conversationId: thread.conversation_id,
    });
    expect(await idsOf("umbrella")).toEqual([thread.conversation_id]);
  });

  it("finds a conversation by its reference, bare or as customers see it", async () => {
    expect((await idsOf(delivery.reference))[0]).toBe(delivery.conversation_id);
    expect((await idsOf(`[#${delivery.reference}]`))[0]).toBe(delivery.conversation_id);
    expect((await idsOf(delivery.reference.toLowerCase()))[0]).toBe(delivery.conversation_id);
  });

  it("ranks a word in the subject above the same word in a body only, whatever the activity", async () => {
    const inSubject = await inbound("Garantie", "Une question sur la garantie.");
    const inBody = await inbound("Hello", "My kettle is still under garantie I think.");
    expect(await idsOf("garantie")).toEqual([inSubject.conversation_id, inBody.conversation_id]);
  });

  it("combines search with the other filters", async () => {
    expect((await search("abime", "&status=closed")).items).toEqual([]);
    expect((await search("abime", "&status=new")).items.map((c) => c.id)).toEqual([
      parcel.conversation_id,
    ]);
  });

  it("pages the matches with a signed cursor, each exactly once, and refuses a tampered one", async () => {
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push((await inbound(`Chaussures ${i}`, `Les chaussures numéro ${i}.`)).conversation_id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Listed = await search(
        "chaussure",
        `&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...made].sort());
    const first = await search("chaussure", "&limit=2");
    const tampered = await desk.app.inject({
      method: "GET",
      url: `/api/v1/conversations?q=chaussure&cursor=${first.next_cursor?.replace(/^./, "x")}`,
      headers: desk.as("advisor"),
    });
    expect(tampered.statusCode).toBe(400);
  });

  it("keeps the words out of the answers: no search vector is listed", async () => {
    const page = await search("abime");
    expect(Object.keys(page.items[0] ?? {})).not.toContain("search_vector");
    expect(JSON.stringify(page)).not.toContain("abim'");
    while ((await indexPendingMessages(desk.booted.rt)) > 0) {}
    const stored = await desk.booted.rt.db.execute(
      sql`select search_vector::text as v from messages where conversation_id = ${parcel.conversation_id}`,
    );
    expect(String(stored.rows[0]?.v)).toContain("'abim'");
  });
});
