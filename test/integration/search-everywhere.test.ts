// Search everywhere (GET /api/v1/search): customers and conversations in two capped groups, the
// matching words marked; and the customers list filtered by advisor and organisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

type Run = { text: string; match: boolean };
type Found = {
  customers: Array<{
    id: string;
    name: string;
    name_runs: Run[];
    organisation: string | null;
    identity: { kind: string; value: string; runs: Run[] } | null;
  }>;
  conversations: Array<{
    id: string;
    reference: string;
    subject_runs: Run[];
    excerpt: Run[] | null;
    customer: { id: string; name: string };
  }>;
};

const get = (url: string) => desk.app.inject({ method: "GET", url, headers: desk.as("advisor") });
const marked = (runs: Run[] | null | undefined) =>
  (runs ?? []).filter((r) => r.match).map((r) => r.text);

async function find(q: string, extra = ""): Promise<Found> {
  const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function write(
  from: { email?: string; phone?: string; name?: string },
  subject: string,
  body: string,
) {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: { channel: "api", from, subject, body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { customer_id: string; conversation_id: string; reference: string };
}

describe("searching everywhere", () => {
  let derek: Awaited<ReturnType<typeof write>>;
  let helene: Awaited<ReturnType<typeof write>>;
  beforeAll(async () => {
    derek = await write(
      { email: "derek.holloway@mail.test", name: "Derek Holloway" },
      "Broken kettle",
      "The kettle I bought last week leaks from the bottom.",
    );
    helene = await write(
      { email: "helene@exemple.test", name: "Hélène Dupré", phone: "+33 6 12 34 56 78" },
      "Colis abîmé",
      "Bonjour, mon colis est arrivé complètement abîmé, je voudrais un échange.",
    );
  });

  it("finds a customer by a surname, the matching part marked", async () => {
    const found = await find("holloway");
    expect(found.customers.map((c) => c.id)).toEqual([derek.customer_id]);
    expect(marked(found.customers[0]?.name_runs)).toEqual(["Holloway"]);
    expect(marked(found.customers[0]?.identity?.runs)).toEqual(["holloway"]);
  });

  it("finds a customer by an email or a phone number as typed, accents folded", async () => {
    const byEmail = await find("helene@exemple");
    expect(byEmail.customers.map((c) => c.id)).toEqual([helene.customer_id]);
    expect(byEmail.customers[0]?.identity).toMatchObject({
      kind: "email",
      value: "helene@exemple.test",
    });
    expect(marked(byEmail.customers[0]?.identity?.runs)).toEqual(["helene@exemple"]);
    expect((await find("dupre")).customers.map((c) => c.id)).toEqual([helene.customer_id]);
    const byPhone = await find("12 34 56 78");
    expect(byPhone.customers.map((c) => c.id)).toEqual([helene.customer_id]);
    expect(byPhone.customers[0]?.identity?.kind).toBe("phone");
  });

  it("finds a conversation by a word of a message, with an excerpt marking the word", async () => {
    const found = await find("leaks");
    expect(found.customers).toEqual([]);
    expect(found.conversations.map((c) => c.id)).toEqual([derek.conversation_id]);
    expect(found.conversations[0]?.customer).toEqual({
      id: derek.customer_id,
      name: "Derek Holloway",
    });
    expect(marked(found.conversations[0]?.excerpt)).toEqual(["leaks"]);
    expect(found.conversations[0]?.excerpt?.map((r) => r.text).join("")).toContain(
      "leaks from the bottom",
    );
  });

  it("marks French words in their accented form, in the subject and the excerpt", async () => {
    const found = await find("abime");
    expect(found.conversations.map((c) => c.id)).toEqual([helene.conversation_id]);
    expect(marked(found.conversations[0]?.subject_runs)).toEqual(["abîmé"]);
    expect(marked(found.conversations[0]?.excerpt)).toEqual(["abîmé"]);
  });

  it("finds a conversation by its reference", async () => {
    const found = await find(`[#${helene.reference}]`);
    expect(found.conversations[0]?.id).toBe(helene.conversation_id);
  });

  it("caps each group at the limit", async () => {
    for (let i = 0; i < 3; i++)
      await write(
        { email: `umbrella${i}@mail.test`, name: `Umbrella ${i}` },
        "Umbrella",
        "My umbrella.",
      );
    const found = await find("umbrella", "&limit=2");
    expect(found.customers).toHaveLength(2);
    expect(found.conversations).toHaveLength(2);
  });

  it("refuses a search without words, or with too large a limit, with a problem document", async () => {
    for (const url of ["/api/v1/search", "/api/v1/search?q=%20", "/api/v1/search?q=a&limit=50"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe("invalid_input");
    }
  });

  it("is for signed-in callers only", async () => {
    const res = await desk.app.inject({ method: "GET", url: "/api/v1/search?q=holloway" });
    expect(res.statusCode).toBe(401);
  });
});

describe("the customers list, filtered", () => {
  it("lists one advisor's customers and one organisation's, newest first, paged", async () => {
    const organisationId = "0190a1b2-0000-7000-8000-0000000000b7";
    await desk.booted.rt.db
      .insert(organisations)
      .values({ workspaceId: desk.workspaceId, id: organisationId, name: "Globex" });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await write({ email: `globex${i}@globex.test` }, "Hello", "Hello there.");
      made.push(c.customer_id);
      const res = await desk.app.inject({
        method: "PATCH",
        url: `/api/v1/customers/${c.customer_id}`,
        headers: desk.as("advisor"),
        payload: {
          organisation_id: organisationId,
          ...(i < 2 ? { advisor_id: desk.users.advisor.id } : {}),
        },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const ids = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(
          `/api/v1/customers?${query}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items.map((c: { id: string }) => c.id));
        cursor = res.json().next_cursor;
      } while (cursor);
      return seen;
    };
    expect(await ids(`organisation=${organisationId}`)).toEqual([...made].reverse());
    expect(await ids(`advisor=${desk.users.advisor.id}`)).toEqual([made[1], made[0]]);
    expect(await ids(`advisor=${desk.users.advisor.id}&q=globex1`)).toEqual([made[1]]);
    const bad = await get("/api/v1/customers?advisor=nobody");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("invalid_input");
  });
});
