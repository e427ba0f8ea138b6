// Customers and orders by external id through the API: upserts that answer 201 then 200, change nothing
// when sent again, refuse bad input without writing, keep to their workspace, and show on the
// customer's orders, summary (value and tenure) and timeline.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, events, orders, workspaces } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { unzip } from "../helpers/unzip.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

const call = (method: "GET" | "PUT", url: string, payload?: object) =>
  desk.app.inject({ method, url, headers: desk.as("unbound"), ...(payload ? { payload } : {}) });

const countOf = async (table: typeof events | typeof orders | typeof customers) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

const counts = async () => ({
  customers: await countOf(customers),
  orders: await countOf(orders),
  events: await countOf(events),
});

const putCustomer = (externalId: string, body: object) =>
  call("PUT", `/api/v1/customers/by-external-id/${encodeURIComponent(externalId)}`, body);
const putOrder = (externalId: string, body: object) =>
  call("PUT", `/api/v1/orders/${encodeURIComponent(externalId)}`, body);

const anOrder = (extra: object = {}) => ({
  customer_external_id: "shop-1",
  ordered_at: "2026-10-01T10:00:00Z",
  amount_minor: 4999,
  currency: "EUR",
  status: "paid",
  ...extra,
});

describe("a customer by external id", () => {
  it("is created (201) with an event and identities, then updated (200) naming the fields", async () => {
    const created = await putCustomer("shop-1", {
      name: "Léa Martin",
      email: "Lea.Martin@Example.FR",
      phone: "+33 6 12 34 56 78",
      language: "fr",
      customer_since: "2019-05-04",
    });
    expect(created.statusCode, created.body).toBe(201);
    const lea = created.json();
    expect(lea).toMatchObject({
      name: "Léa Martin",
      external_id: "shop-1",
      customer_since: "2019-05-04",
      preferred_language: "fr",
      identities: [
        { kind: "email", value: "lea.martin@example.fr", display_value: "Lea.Martin@Example.FR" },
        { kind: "phone", value: "+33612345678" },
      ],
    });
    // Found by the identity's one normalisation, as a customer who writes in would be.
    const found = await call("GET", "/api/v1/customers?email=LEA.MARTIN%40example.fr");
    expect(found.json().items.map((c: { id: string }) => c.id)).toEqual([lea.id]);

    const updated = await putCustomer("shop-1", { name: "Léa Martin-Roux", language: "fr" });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ id: lea.id, name: "Léa Martin-Roux" });

    const timeline = (await call("GET", `/api/v1/customers/${lea.id}/timeline`)).json().items;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual([
      "customer.updated",
      "customer.imported",
    ]);
    expect(timeline[0]).toMatchObject({
      actor: { kind: "token" },
      data: { fields: ["name"], source: "import" },
      before: { name: "Léa Martin" },
      after: { name: "Léa Martin-Roux" },
    });
    expect(timeline[1]).toMatchObject({ data: { external_id: "shop-1" } });
  });

  it("changes nothing and records nothing when sent again as it is", async () => {
    await putCustomer("shop-2", { name: "Tom Lee", email: "tom@example.com" });
    const before = await counts();
    const again = await putCustomer("shop-2", { name: "Tom Lee", email: "TOM@example.com" });
    expect(again.statusCode, again.body).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it("refuses an email of another customer (409) and bad input (400), writing nothing", async () => {
    const before = await counts();
    const taken = await putCustomer("shop-3", { name: "Someone", email: "tom@example.com" });
    expect(taken.statusCode, taken.body).toBe(409);
    for (const body of [
      { email: "not an address" },
      { customer_since: "2019-02-30" },
      { language: "de" },
      { colour: "red" },
      { phone: "call me" },
    ]) {
      const res = await putCustomer("shop-3", body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("a customer who wrote in before being imported", () => {
  it("is found by their email and takes the external id (200), not duplicated", async () => {
    const wrote = await desk.app.inject({
      method: "POST",
      url: "/api/v1/messages/inbound",
      headers: desk.as("unbound"),
      payload: {
        channel: "form",
        from: { email: "nora@example.com", name: "Nora" },
        subject: "My order",
        body: "Where is it?",
      },
    });
    expect(wrote.statusCode, wrote.body).toBe(201);
    const noraId = wrote.json().customer_id;
    const before = await counts();
    const imported = await putCustomer("shop-nora", {
      name: "Nora Benali",
      email: "NORA@example.com",
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({
      id: noraId,
      external_id: "shop-nora",
      name: "Nora Benali",
    });
    expect((await counts()).customers).toBe(before.customers);
    const [latest] = (await call("GET", `/api/v1/customers/${noraId}/timeline?limit=1`)).json()
      .items;
    expect(latest).toMatchObject({
      type: "customer.updated",
      data: { fields: ["externalId", "name"], source: "import" },
      before: { externalId: null, name: "Nora" },
      after: { externalId: "shop-nora", name: "Nora Benali" },
    });
  });
});

describe("an order by external id", () => {
  it("is recorded (201) on the customer's timeline, then updated (200), then left as it is", async () => {
    const recorded = await putOrder("ord-1", anOrder());
    expect(recorded.statusCode, recorded.body).toBe(201);
    const order = recorded.json();
    expect(order).toMatchObject({
      external_id: "ord-1",
      amount_minor: 4999,
      currency: "EUR",
      status: "paid",
      ordered_at: "2026-10-01T10:00:00.000Z",
    });
    const updated = await putOrder("ord-1", anOrder({ status: "refunded" }));
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ id: order.id, status: "refunded" });
    const before = await counts();
    const again = await putOrder("ord-1", anOrder({ status: "refunded" }));
    expect(again.statusCode).toBe(200);
    expect(await counts()).toEqual(before);

    const timeline = (await call("GET", `/api/v1/customers/${order.customer_id}/timeline`)).json()
      .items;
    expect(timeline.slice(0, 2)).toMatchObject([
      {
        type: "order.updated",
        data: { external_id: "ord-1", status: "refunded", fields: ["status"] },
        before: { status: "paid" },
        after: { status: "refunded" },
      },
      {
        type: "order.recorded",
        data: { order_id: order.id, amount_minor: 4999, currency: "EUR" },
      },
    ]);
  });

  it("takes the customer by id too", async () => {
    const tom = (await putCustomer("shop-2", {})).json();
    const res = await putOrder("ord-2", {
      ...anOrder({ customer_external_id: undefined }),
      customer_id: tom.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().customer_id).toBe(tom.id);
  });

  it("refuses bad input with a 400 and an unknown customer with a 404, writing nothing", async () => {
    const before = await counts();
    for (const body of [
      anOrder({ currency: "EURO" }),
      anOrder({ currency: "XYZ" }),
      anOrder({ amount_minor: -1 }),
      anOrder({ amount_minor: 19.99 }),
      anOrder({ ordered_at: "2026-02-30T10:00:00Z" }),
      anOrder({ ordered_at: "yesterday" }),
      anOrder({ customer_id: "0190a1b2-0000-7000-8000-000000000001" }),
      { ...anOrder(), customer_external_id: undefined },
      anOrder({ colour: "red" }),
    ]) {
      const res = await putOrder("ord-bad", body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(400);
    }
    const unknown = await putOrder("ord-bad", anOrder({ customer_external_id: "nobody" }));
    expect(unknown.statusCode, unknown.body).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("never reaches another workspace's customer (404)", async () => {
    const db = desk.booted.rt.db;
    const elsewhere = "0190a1b2-0000-7000-8000-00000000aa15";
    const theirs = "0190a1b2-0000-7000-8000-00000000cc15";
    await db.insert(workspaces).values({ id: elsewhere, name: "Elsewhere" });
    await db
      .insert(customers)
      .values({ workspaceId: elsewhere, id: theirs, name: "Theirs", externalId: "shop-far" });
    const before = await counts();
    const byId = await putOrder("ord-far", {
      ...anOrder({ customer_external_id: undefined }),
      customer_id: theirs,
    });
    expect(byId.statusCode, byId.body).toBe(404);
    const byExternal = await putOrder("ord-far", anOrder({ customer_external_id: "shop-far" }));
    expect(byExternal.statusCode, byExternal.body).toBe(404);
    expect((await call("GET", `/api/v1/customers/${theirs}/orders`)).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    // The same external id here is another customer of this workspace, not theirs.
    const ours = await putCustomer("shop-far", { name: "Ours" });
    expect(ours.statusCode).toBe(201);
    expect(ours.json().id).not.toBe(theirs);
  });
});

describe("a customer's orders and value", () => {
  it("lists orders newest first, keyset-paged, and sums value per currency in the summary", async () => {
    const ana = (
      await putCustomer("shop-ana", { name: "Ana", customer_since: "2020-01-15" })
    ).json();
    const placed = [
      ["a-1", "2024-03-01T09:00:00Z", 1000, "EUR", "paid"],
      ["a-2", "2025-06-01T09:00:00Z", 2500, "EUR", "shipped"],
      ["a-3", "2025-07-01T09:00:00Z", 9900, "USD", "paid"],
      ["a-4", "2026-01-01T09:00:00Z", 7000, "EUR", "cancelled"],
    ] as const;
    for (const [id, at, amount, currency, status] of placed) {
      const res = await putOrder(id, {
        customer_external_id: "shop-ana",
        ordered_at: at,
        amount_minor: amount,
        currency,
        status,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const first = (await call("GET", `/api/v1/customers/${ana.id}/orders?limit=3`)).json();
    expect(first.items.map((o: { external_id: string }) => o.external_id)).toEqual([
      "a-4",
      "a-3",
      "a-2",
    ]);
    const rest = (
      await call("GET", `/api/v1/customers/${ana.id}/orders?limit=3&cursor=${first.next_cursor}`)
    ).json();
    expect(rest).toMatchObject({ items: [{ external_id: "a-1" }], next_cursor: null });

    const summary = await call("GET", `/api/v1/customers/${ana.id}/summary`);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json()).toMatchObject({
      customer_since: "2020-01-15T00:00:00.000Z",
      value: {
        order_count: 3,
        lifetime: [
          { currency: "USD", amount_minor: 9900 },
          { currency: "EUR", amount_minor: 3500 },
        ],
        first_purchase_at: "2024-03-01T09:00:00.000Z",
        last_purchase_at: "2025-07-01T09:00:00.000Z",
        tenure_source: "customer_since",
        tenure_since: "2020-01-15T00:00:00.000Z",
      },
    });
    expect(summary.json().value.tenure_days).toBeGreaterThan(2000);

    // What they bought is held about them: their export carries their orders.
    const exported = await desk.app.inject({
      method: "GET",
      url: `/api/v1/customers/${ana.id}/export`,
      headers: desk.as("manager"),
    });
    expect(exported.statusCode).toBe(200);
    const entries = await unzip(exported.rawPayload);
    const held = JSON.parse(entries.get("orders.json")?.toString() ?? "[]");
    expect(held.map((o: { external_id: string }) => o.external_id)).toEqual([
      "a-1",
      "a-2",
      "a-3",
      "a-4",
    ]);
    expect(held[0]).toMatchObject({ amount_minor: 1000, currency: "EUR", status: "paid" });
  });
});
