// The demo story: loaded once whatever the number of loaders, true to the product's rules, listed by the API.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load-demo.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { inWatchOrder, type WatchRow } from "../helpers/watch-order.ts";

let desk: Desk;
let loads: boolean[];

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await desk.booted.rt.db.execute(query)).rows as T[];
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rows<{ n: number }>(query);
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  desk = await startDesk();
  const { rt, workspaceId } = desk.booted;
  // Two loaders at once, as two nodes starting together would.
  loads = await Promise.all([loadDemo(rt, workspaceId), loadDemo(rt, workspaceId)]);
});
afterAll(() => desk?.close());

describe("the demo story", () => {
  it("is loaded once, however many loaders run", async () => {
    expect([...loads].sort()).toEqual([false, true]);
    const before = await count(sql`select count(*) as n from messages`);
    expect(await loadDemo(desk.booted.rt, desk.workspaceId)).toBe(false);
    expect(await count(sql`select count(*) as n from messages`)).toBe(before);
    expect(await count(sql`select count(*) as n from brands where slug = 'maison-lumiere'`)).toBe(
      1,
    );
  });

  it("adds a French and an English brand beside the default one", async () => {
    const brands = await rows<{
      slug: string;
      language: string;
      time_zone: string;
      addresses: string[];
    }>(sql`select slug, language, time_zone, addresses from brands order by created_at`);
    expect(brands).toHaveLength(3);
    expect(brands).toContainEqual({
      slug: "maison-lumiere",
      language: "fr",
      time_zone: "Europe/Paris",
      addresses: ["bonjour@maison-lumiere.localhost"],
    });
    expect(brands).toContainEqual({
      slug: "northwind",
      language: "en",
      time_zone: "Europe/London",
      addresses: ["help@northwind.localhost"],
    });
  });

  it("has at least 50 customers, two teams with a named manager, and advisors", async () => {
    expect(await count(sql`select count(*) as n from customers`)).toBeGreaterThanOrEqual(50);
    const teams = await rows<{ name: string; role: string }>(
      sql`select t.name, u.role from teams t join users u on u.workspace_id = t.workspace_id and u.id = t.manager_id`,
    );
    expect(teams).toHaveLength(2);
    expect(teams.every((t) => t.role === "manager")).toBe(true);
    expect(
      await count(
        sql`select count(*) as n from users where email like '%.localhost' and role = 'advisor'`,
      ),
    ).toBeGreaterThanOrEqual(3);
  });

  it("has conversations in every status", async () => {
    const statuses = await rows<{ status: string }>(sql`select distinct status from conversations`);
    expect(statuses.map((s) => s.status).sort()).toEqual(
      ["closed", "new", "open", "resolved", "waiting_customer", "waiting_third_party"].sort(),
    );
  });

  it("has a customer of eight years with many answered conversations", async () => {
    const [loyal] = await rows<{ name: string; finished: number; answered: number }>(sql`
      select c.name,
        count(*) filter (where v.status in ('resolved', 'closed')) as finished,
        count(*) filter (where v.answered) as answered
      from customers c
      join conversations v on v.workspace_id = c.workspace_id and v.customer_id = c.id
      where c.created_at <= now() - interval '8 years'
        and (select min(created_at) from conversations x where x.customer_id = c.id) <= now() - interval '8 years'
      group by c.name`);
    expect(loyal?.name).toBe("Hélène Marchand");
    expect(Number(loyal?.finished)).toBeGreaterThanOrEqual(8);
    expect(Number(loyal?.answered)).toBeGreaterThanOrEqual(8);
  });

  it("has a partner organisation with a partner manager and several members", async () => {
    const [partner] = await rows<{ manager: string; members: number }>(sql`
      select u.name as manager, (select count(*) from customers c where c.organisation_id = o.id) as members
      from organisations o join users u on u.workspace_id = o.workspace_id and u.id = o.partner_manager_id
      where o.is_partner`);
    expect(partner?.manager).toBe("Isabelle Moreau");
    expect(Number(partner?.members)).toBeGreaterThanOrEqual(2);
  });

  it("closes nothing silently: every finished conversation without a human answer has a reason", async () => {
    expect(
      await count(sql`select count(*) as n from conversations
        where status in ('resolved', 'closed') and not answered and close_reason is null`),
    ).toBe(0);
    const reasons = await rows<{ close_reason: string }>(
      sql`select distinct close_reason from conversations where close_reason is not null`,
    );
    expect(reasons.map((r) => r.close_reason).sort()).toEqual([
      "duplicate",
      "nothing_to_answer",
      "spam",
    ]);
  });

  it("sends no mail for its past: replies are delivered already and no job is queued", async () => {
    const deliveries = await rows<{ delivery: string }>(
      sql`select distinct delivery from messages where direction = 'outbound'`,
    );
    expect(deliveries).toEqual([{ delivery: "sent" }]);
    expect(await count(sql`select count(*) as n from pgboss.job where name = 'send-mail'`)).toBe(0);
  });

  it("dates its history in the past and keeps recent requests waiting, some overdue", async () => {
    expect(await count(sql`select count(*) as n from messages where created_at > now()`)).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from conversations where created_at < now() - interval '7 years'`,
      ),
    ).toBeGreaterThan(0);
    const waiting = await count(
      sql`select count(*) as n from conversations
        where awaiting_since is not null and not spam and status not in ('resolved', 'closed')`,
    );
    expect(waiting).toBeGreaterThanOrEqual(5);
    expect(
      await count(sql`select count(*) as n from conversations
        where status not in ('resolved', 'closed', 'waiting_customer')
          and least(first_response_due_at, next_response_due_at) < now()`),
    ).toBeGreaterThan(0);
  });

  it("is listed by the API, page after page, newest activity first", async () => {
    const seen: Array<{ id: string; updated_at: string }> = [];
    let cursor: string | null = null;
    do {
      const res = await desk.app.inject({
        method: "GET",
        url: `/api/v1/conversations?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        headers: desk.as("advisor"),
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        items: Array<{ id: string; updated_at: string }>;
        next_cursor: string | null;
      };
      seen.push(...body.items);
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen.length).toBe(await count(sql`select count(*) as n from conversations`));
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);

    const waiting = await desk.app.inject({
      method: "GET",
      url: "/api/v1/conversations?status=waiting_third_party",
      headers: desk.as("advisor"),
    });
    expect(waiting.statusCode, waiting.body).toBe(200);
    const items = waiting.json().items as Array<{ status: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.status === "waiting_third_party")).toBe(true);
  });

  it("fills the unanswered view: recent requests soonest due first, some overdue", async () => {
    const res = await desk.app.inject({
      method: "GET",
      url: "/api/v1/unanswered?limit=100",
      headers: desk.as("advisor"),
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<
      WatchRow & { subject: string; minutes_left: number | null }
    >;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.map((c) => c.id)).toEqual([...items].sort(inWatchOrder).map((c) => c.id));
    expect(items[0]?.minutes_left).toBeLessThan(0);
    expect(items.map((c) => c.subject)).toContain("Ridge boots leaking after two weeks");
    expect(items.map((c) => c.subject)).toContain("Salon : 4 lampadaires Arc avant jeudi");
  });

  it("shows a conversation with the customer's messages, the advisor's reply and an internal note", async () => {
    const list = await desk.app.inject({
      method: "GET",
      url: "/api/v1/conversations?customer_email=helene.marchand@orange.example&status=waiting_customer",
      headers: desk.as("advisor"),
    });
    expect(list.statusCode, list.body).toBe(200);
    const [current] = list.json().items as Array<{ id: string; answered: boolean }>;
    expect(current?.answered).toBe(true);
    const res = await desk.app.inject({
      method: "GET",
      url: `/api/v1/conversations/${current?.id}`,
      headers: desk.as("advisor"),
    });
    expect(res.statusCode, res.body).toBe(200);
    const messages = res.json().messages as Array<{
      direction: string;
      author: { name: string };
      delivery: string | null;
    }>;
    expect(messages.map((m) => m.direction)).toEqual(["inbound", "outbound", "note"]);
    expect(messages[1]).toMatchObject({ author: { name: "Camille Laurent" }, delivery: "sent" });
  });
});

describe("the demo story on a desk already in use", () => {
  it("refuses to collide with an existing brand, and leaves nothing half-written", async () => {
    const used = await startDesk();
    try {
      const { rt, workspaceId } = used.booted;
      await rt.db.execute(sql`insert into brands (workspace_id, id, name, slug, addresses)
        values (${workspaceId}, gen_random_uuid(), 'Northwind', 'northwind', '["care@northwind.test"]')`);
      await expect(loadDemo(rt, workspaceId)).rejects.toThrow(
        "the demo story cannot be loaded: this workspace already has brand northwind",
      );
      const left = await rt.db.execute(sql`select
        (select count(*) from customers) as customers,
        (select count(*) from users where email like '%.localhost') as staff,
        (select count(*) from instance_settings where key like 'demo_loaded:%') as markers`);
      expect(left.rows).toEqual([{ customers: 0, staff: 0, markers: 0 }]);
    } finally {
      await used.close();
    }
  });

  it("leaves the desk's first brand its default: an API message without a brand goes there", async () => {
    const res = await desk.app.inject({
      method: "POST",
      url: "/api/v1/messages/inbound",
      headers: desk.as("advisor"),
      payload: { channel: "form", from: { email: "new-after-demo@example.com" }, body: "Hello" },
    });
    expect(res.statusCode).toBe(201);
    const [row] = await rows<{ addresses: string[] }>(
      sql`select b.addresses from conversations c join brands b on b.id = c.brand_id where c.id = ${res.json().conversation_id}`,
    );
    expect(row?.addresses).toContain("support@rapport.localhost");
  });
});
