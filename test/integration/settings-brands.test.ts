// Brands through the API: addresses and slugs that belong to one brand, time zones, the calendar,
// the audit trail, paging, and what an advisor or another workspace may not do.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brands, calendars, events, workspaces } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

type Role = "admin" | "manager" | "advisor" | "unbound";
const call = (method: "GET" | "POST" | "PATCH", url: string, role: Role, payload?: object) =>
  desk.app.inject({ method, url, headers: desk.as(role), ...(payload ? { payload } : {}) });

const countOf = async (table: typeof brands | typeof events) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

let sequence = 0;
const newBrand = (extra: object = {}) => {
  sequence += 1;
  return {
    name: `Brand ${sequence}`,
    slug: `brand-${sequence}`,
    addresses: [`hello-${sequence}@brand.test`],
    ...extra,
  };
};

describe("brands", () => {
  it("creates a brand with lower-cased addresses and records who did it", async () => {
    const res = await call("POST", "/api/v1/brands", "admin", {
      name: "Lumière Hôtels",
      slug: "lumiere",
      addresses: ["Bonjour@Lumiere.TEST", "reservations@lumiere.test", "BONJOUR@lumiere.test"],
      language: "fr",
      time_zone: "europe/paris",
      signature: "L'équipe Lumière",
      charter_public: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const brand = res.json();
    expect(brand).toMatchObject({
      name: "Lumière Hôtels",
      slug: "lumiere",
      addresses: ["bonjour@lumiere.test", "reservations@lumiere.test"],
      language: "fr",
      time_zone: "Europe/Paris",
      signature: "L'équipe Lumière",
      charter_public: true,
      calendar_id: null,
    });
    const read = await call("GET", `/api/v1/brands/${brand.id}`, "advisor");
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(brand);
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(sql`${events.type} = 'brand.created' and ${events.after}->>'id' = ${brand.id}`);
    expect(event?.actorKind).toBe("user");
    expect(event?.after).toMatchObject({ slug: "lumiere", addresses: brand.addresses });
  });

  it("refuses an address another brand of the workspace already has, whatever its case (409)", async () => {
    const first = await call(
      "POST",
      "/api/v1/brands",
      "admin",
      newBrand({ addresses: ["shared@brand.test"] }),
    );
    expect(first.statusCode).toBe(201);
    const brandsBefore = await countOf(brands);
    const eventsBefore = await countOf(events);
    const clash = await call(
      "POST",
      "/api/v1/brands",
      "admin",
      newBrand({ addresses: ["Shared@Brand.test"] }),
    );
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json()).toMatchObject({ status: 409, code: "conflict" });
    const other = await call("POST", "/api/v1/brands", "admin", newBrand());
    const taking = await call("PATCH", `/api/v1/brands/${other.json().id}`, "admin", {
      addresses: ["shared@brand.test"],
    });
    expect(taking.statusCode).toBe(409);
    expect(await countOf(brands)).toBe(brandsBefore + 1);
    expect(await countOf(events)).toBe(eventsBefore + 1);
    const unchanged = await call("GET", `/api/v1/brands/${other.json().id}`, "admin");
    expect(unchanged.json().addresses).toEqual(other.json().addresses);
  });

  it("lets a brand keep its own addresses when it changes them", async () => {
    const created = (await call("POST", "/api/v1/brands", "admin", newBrand())).json();
    const res = await call("PATCH", `/api/v1/brands/${created.id}`, "admin", {
      addresses: [...created.addresses, "second@brand.test"],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().addresses).toEqual([...created.addresses, "second@brand.test"]);
  });

  it("refuses a slug already taken (409) and a slug that is not lower-case words (400)", async () => {
    const taken = await call("POST", "/api/v1/brands", "admin", newBrand({ slug: "support" }));
    expect(taken.statusCode).toBe(409);
    const before = await countOf(brands);
    for (const slug of ["Upper", "with space", "-edge", "a_b", ""]) {
      const res = await call("POST", "/api/v1/brands", "admin", newBrand({ slug }));
      expect(res.statusCode, slug).toBe(400);
    }
    const created = (await call("POST", "/api/v1/brands", "admin", newBrand())).json();
    const renamed = await call("PATCH", `/api/v1/brands/${created.id}`, "admin", {
      slug: "support",
    });
    expect(renamed.statusCode).toBe(409);
    expect(await countOf(brands)).toBe(before + 1);
  });

  it("refuses an unknown time zone, a language it cannot speak and an address that is not one", async () => {
    const before = await countOf(events);
    const cases = [
      { time_zone: "Mars/Olympus" },
      { time_zone: "+01:00" },
      { language: "de" },
      { addresses: ["not an address"] },
      { addresses: [] },
    ];
    for (const extra of cases) {
      const res = await call("POST", "/api/v1/brands", "admin", newBrand(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
    expect(await countOf(events)).toBe(before);
  });

  it("rejects unknown fields and an empty change with 400 and changes nothing", async () => {
    const created = (await call("POST", "/api/v1/brands", "admin", newBrand())).json();
    const before = await countOf(events);
    const unknown = await call("PATCH", `/api/v1/brands/${created.id}`, "admin", {
      name: "Renamed",
      colour: "red",
    });
    expect(unknown.statusCode).toBe(400);
    expect((await call("PATCH", `/api/v1/brands/${created.id}`, "admin", {})).statusCode).toBe(400);
    expect(
      (await call("POST", "/api/v1/brands", "admin", newBrand({ colour: "red" }))).statusCode,
    ).toBe(400);
    expect((await call("GET", `/api/v1/brands/${created.id}`, "admin")).json().name).toBe(
      created.name,
    );
    expect(await countOf(events)).toBe(before);
  });

  it("changes a brand and writes what changed, before and after", async () => {
    const created = (await call("POST", "/api/v1/brands", "admin", newBrand())).json();
    const res = await call("PATCH", `/api/v1/brands/${created.id}`, "admin", {
      name: "Renamed",
      charter_public: true,
      time_zone: "America/Montreal",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: "Renamed",
      charter_public: true,
      time_zone: "America/Montreal",
    });
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(sql`${events.type} = 'brand.updated' and ${events.data}->>'brand_id' = ${created.id}`);
    expect(event?.before).toEqual({
      name: created.name,
      timeZone: created.time_zone,
      charterPublic: false,
    });
    expect(event?.after).toEqual({
      name: "Renamed",
      timeZone: "America/Montreal",
      charterPublic: true,
    });
  });

  it("does not write an event for a change that changes nothing", async () => {
    const created = (await call("POST", "/api/v1/brands", "admin", newBrand())).json();
    const before = await countOf(events);
    const res = await call("PATCH", `/api/v1/brands/${created.id}`, "admin", {
      name: created.name,
    });
    expect(res.statusCode).toBe(200);
    expect(await countOf(events)).toBe(before);
  });

  it("links a calendar of the workspace, and refuses one that does not exist", async () => {
    const calendar = await call("POST", "/api/v1/calendars", "admin", {
      name: "Shop",
      time_zone: "Europe/Paris",
    });
    expect(calendar.statusCode, calendar.body).toBe(201);
    const created = (await call("POST", "/api/v1/brands", "admin", newBrand())).json();
    const linked = await call("PATCH", `/api/v1/brands/${created.id}`, "admin", {
      calendar_id: calendar.json().id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().calendar_id).toBe(calendar.json().id);
    const missing = await call("PATCH", `/api/v1/brands/${created.id}`, "admin", {
      calendar_id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    });
    expect(missing.statusCode).toBe(400);
    expect((await call("GET", `/api/v1/brands/${created.id}`, "admin")).json().calendar_id).toBe(
      calendar.json().id,
    );
  });

  it("lets advisors and managers read brands but not create or change them (403, nothing changed)", async () => {
    const created = (await call("POST", "/api/v1/brands", "admin", newBrand())).json();
    expect((await call("GET", "/api/v1/brands", "advisor")).statusCode).toBe(200);
    const before = await countOf(brands);
    const eventsBefore = await countOf(events);
    for (const role of ["advisor", "manager"] as const) {
      expect((await call("POST", "/api/v1/brands", role, newBrand())).statusCode).toBe(403);
      const patch = await call("PATCH", `/api/v1/brands/${created.id}`, role, { name: "Mine now" });
      expect(patch.statusCode).toBe(403);
      expect(patch.json().code).toBe("forbidden");
    }
    expect(await countOf(brands)).toBe(before);
    expect(await countOf(events)).toBe(eventsBefore);
  });

  it("pages brands newest first with a signed cursor, and refuses a tampered one", async () => {
    for (let i = 0; i < 3; i++) await call("POST", "/api/v1/brands", "admin", newBrand());
    const total = await countOf(brands);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/brands?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await call("GET", url, "advisor");
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((b: { id: string }) => b.id));
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const all = (await call("GET", "/api/v1/brands?limit=100", "advisor")).json().items;
    expect(all.map((b: { id: string }) => b.id)).toEqual(seen);
    const createdAts = all.map((b: { created_at: string }) => b.created_at);
    expect([...createdAts].sort().reverse()).toEqual(createdAts);

    const first = (await call("GET", "/api/v1/brands?limit=1", "advisor")).json();
    const [payload, signature] = (first.next_cursor as string).split(".");
    const forged = `${Buffer.from(JSON.stringify(["2999-01-01T00:00:00.000Z", seen[0]])).toString("base64url")}.${signature}`;
    for (const bad of [forged, `${payload}.AAAA${signature?.slice(4)}`, "garbage"]) {
      const res = await call("GET", `/api/v1/brands?cursor=${encodeURIComponent(bad)}`, "advisor");
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("invalid_cursor");
    }
    for (const limit of ["0", "101", "two"]) {
      expect((await call("GET", `/api/v1/brands?limit=${limit}`, "advisor")).statusCode).toBe(400);
    }
    expect(
      (await call("GET", "/api/v1/brands", "advisor")).json().items.length,
    ).toBeLessThanOrEqual(25);
  });

  it("does not show or change another workspace's brand (404)", async () => {
    const db = desk.booted.rt.db;
    const otherWorkspace = "0190a1b2-0000-7000-8000-00000000aa01";
    const otherBrand = "0190a1b2-0000-7000-8000-00000000bb01";
    await db.insert(workspaces).values({ id: otherWorkspace, name: "Elsewhere" });
    await db.insert(brands).values({
      workspaceId: otherWorkspace,
      id: otherBrand,
      name: "Their brand",
      slug: "theirs",
      addresses: ["theirs@elsewhere.test"],
    });
    await db.insert(calendars).values({
      workspaceId: otherWorkspace,
      id: "0190a1b2-0000-7000-8000-00000000cc01",
      name: "Their hours",
      timeZone: "UTC",
      weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    expect((await call("GET", `/api/v1/brands/${otherBrand}`, "admin")).statusCode).toBe(404);
    const patch = await call("PATCH", `/api/v1/brands/${otherBrand}`, "admin", {
      name: "Taken over",
    });
    expect(patch.statusCode).toBe(404);
    const list = (await call("GET", "/api/v1/brands?limit=100", "admin")).json().items;
    expect(list.map((b: { id: string }) => b.id)).not.toContain(otherBrand);
    const ours = (await call("POST", "/api/v1/brands", "admin", newBrand())).json();
    const theirCalendar = await call("PATCH", `/api/v1/brands/${ours.id}`, "admin", {
      calendar_id: "0190a1b2-0000-7000-8000-00000000cc01",
    });
    expect(theirCalendar.statusCode).toBe(400);
    const [theirs] = await db.select().from(brands).where(sql`${brands.id} = ${otherBrand}`);
    expect(theirs?.name).toBe("Their brand");
    expect((await call("GET", "/api/v1/brands/not-a-uuid", "admin")).statusCode).toBe(400);
  });
});
