// Business calendars through the API: every problem answered at once, the default week, holidays,
// the audit trail, paging, and what an advisor or another workspace may not do.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendars, events, workspaces } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

type Role = "admin" | "manager" | "advisor" | "unbound";
const call = (method: "GET" | "POST" | "PATCH", url: string, role: Role, payload?: object) =>
  desk.app.inject({ method, url, headers: desk.as(role), ...(payload ? { payload } : {}) });

const countOf = async (table: typeof calendars | typeof events) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

const shopHours = {
  mon: [
    { start: "09:00", end: "12:30" },
    { start: "14:00", end: "19:00" },
  ],
  tue: [{ start: "09:00", end: "19:00" }],
  sat: [{ start: "10:00", end: "24:00" }],
};

describe("calendars", () => {
  it("creates a calendar, closing the days left out and sorting its holidays", async () => {
    const res = await call("POST", "/api/v1/calendars", "admin", {
      name: "Shop",
      time_zone: "Europe/Paris",
      weekly_hours: shopHours,
      holidays: ["2026-12-25", "2026-05-01", "2026-12-25"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const calendar = res.json();
    expect(calendar).toMatchObject({
      name: "Shop",
      time_zone: "Europe/Paris",
      weekly_hours: { ...shopHours, wed: [], thu: [], fri: [], sun: [] },
      holidays: ["2026-05-01", "2026-12-25"],
    });
    expect(Object.keys(calendar.weekly_hours)).toEqual([
      "mon",
      "tue",
      "wed",
      "thu",
      "fri",
      "sat",
      "sun",
    ]);
    const read = await call("GET", `/api/v1/calendars/${calendar.id}`, "advisor");
    expect(read.json()).toEqual(calendar);
    const [row] = await desk.booted.rt.db
      .select()
      .from(calendars)
      .where(sql`${calendars.id} = ${calendar.id}`);
    expect(row?.holidays).toEqual(["2026-05-01", "2026-12-25"]);
  });

  it("gives a calendar created without hours Monday to Friday, 09:00 to 18:00", async () => {
    const res = await call("POST", "/api/v1/calendars", "admin", {
      name: "Office",
      time_zone: "UTC",
    });
    expect(res.statusCode, res.body).toBe(201);
    const week = res.json().weekly_hours;
    for (const day of ["mon", "tue", "wed", "thu", "fri"])
      expect(week[day]).toEqual([{ start: "09:00", end: "18:00" }]);
    expect(week.sat).toEqual([]);
    expect(week.sun).toEqual([]);
  });

  it("answers every problem of a calendar at once, with its place, and stores nothing", async () => {
    const before = await countOf(calendars);
    const eventsBefore = await countOf(events);
    const res = await call("POST", "/api/v1/calendars", "admin", {
      name: "Broken",
      time_zone: "Europe/Paris",
      weekly_hours: {
        mon: [{ start: "9:00", end: "12:00" }],
        tue: [{ start: "14:00", end: "10:00" }],
        wed: [
          { start: "09:00", end: "13:00" },
          { start: "12:00", end: "18:00" },
        ],
      },
      holidays: ["2026-02-30"],
    });
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe("invalid_input");
    const codes = problem.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "/weekly_hours/mon/0 invalid_time",
        "/weekly_hours/tue/0 empty_range",
        "/weekly_hours/wed/1 overlapping_ranges",
        "/holidays/0 invalid_holiday",
      ]),
    );
    const closed = await call("POST", "/api/v1/calendars", "admin", {
      name: "Never open",
      time_zone: "UTC",
      weekly_hours: {},
    });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors[0].code).toBe("no_open_hours");
    const zone = await call("POST", "/api/v1/calendars", "admin", {
      name: "Nowhere",
      time_zone: "Atlantis/Capital",
    });
    expect(zone.statusCode).toBe(400);
    expect(await countOf(calendars)).toBe(before);
    expect(await countOf(events)).toBe(eventsBefore);
  });

  it("changes a calendar, refuses a change that breaks it, and writes what changed", async () => {
    const created = (
      await call("POST", "/api/v1/calendars", "admin", { name: "Desk", time_zone: "Europe/Paris" })
    ).json();
    const broken = await call("PATCH", `/api/v1/calendars/${created.id}`, "admin", {
      weekly_hours: { mon: [{ start: "18:00", end: "09:00" }] },
    });
    expect(broken.statusCode).toBe(400);
    expect((await call("GET", `/api/v1/calendars/${created.id}`, "admin")).json()).toEqual(created);

    const res = await call("PATCH", `/api/v1/calendars/${created.id}`, "admin", {
      holidays: ["2026-07-14"],
      time_zone: "America/New_York",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ holidays: ["2026-07-14"], time_zone: "America/New_York" });
    expect(res.json().weekly_hours).toEqual(created.weekly_hours);
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(
        sql`${events.type} = 'calendar.updated' and ${events.data}->>'calendar_id' = ${created.id}`,
      );
    expect(event?.before).toEqual({ timeZone: "Europe/Paris", holidays: [] });
    expect(event?.after).toEqual({ timeZone: "America/New_York", holidays: ["2026-07-14"] });
  });

  it("writes no event when the same week is sent again", async () => {
    const created = (
      await call("POST", "/api/v1/calendars", "admin", {
        name: "Same",
        time_zone: "UTC",
        weekly_hours: shopHours,
      })
    ).json();
    const before = await countOf(events);
    const res = await call("PATCH", `/api/v1/calendars/${created.id}`, "admin", {
      weekly_hours: shopHours,
    });
    expect(res.statusCode).toBe(200);
    expect(await countOf(events)).toBe(before);
  });

  it("rejects unknown fields, in the body and inside a day's range, and changes nothing", async () => {
    const created = (
      await call("POST", "/api/v1/calendars", "admin", { name: "Strict", time_zone: "UTC" })
    ).json();
    const before = await countOf(events);
    const cases = [
      { name: "Renamed", colour: "blue" },
      { weekly_hours: { mon: [{ start: "09:00", end: "10:00", note: "x" }] } },
      { weekly_hours: { monday: [{ start: "09:00", end: "10:00" }] } },
    ];
    for (const payload of cases) {
      const res = await call("PATCH", `/api/v1/calendars/${created.id}`, "admin", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await call("GET", `/api/v1/calendars/${created.id}`, "admin")).json()).toEqual(created);
    expect(await countOf(events)).toBe(before);
  });

  it("lets every role read calendars and only admins write them", async () => {
    const created = (
      await call("POST", "/api/v1/calendars", "admin", { name: "Mine", time_zone: "UTC" })
    ).json();
    const before = await countOf(calendars);
    for (const role of ["advisor", "manager"] as const) {
      expect((await call("GET", "/api/v1/calendars", role)).statusCode).toBe(200);
      expect(
        (await call("POST", "/api/v1/calendars", role, { name: "x", time_zone: "UTC" })).statusCode,
      ).toBe(403);
      expect(
        (await call("PATCH", `/api/v1/calendars/${created.id}`, role, { name: "x" })).statusCode,
      ).toBe(403);
    }
    expect(await countOf(calendars)).toBe(before);
    expect((await call("GET", `/api/v1/calendars/${created.id}`, "admin")).json().name).toBe(
      "Mine",
    );
  });

  it("pages calendars with a cursor and refuses a tampered one", async () => {
    for (let i = 0; i < 3; i++)
      await call("POST", "/api/v1/calendars", "admin", { name: `Page ${i}`, time_zone: "UTC" });
    const total = await countOf(calendars);
    const first = (await call("GET", "/api/v1/calendars?limit=2", "advisor")).json();
    expect(first.items).toHaveLength(2);
    const rest = (
      await call(
        "GET",
        `/api/v1/calendars?limit=100&cursor=${encodeURIComponent(first.next_cursor)}`,
        "advisor",
      )
    ).json();
    expect(rest.next_cursor).toBeNull();
    const ids = [...first.items, ...rest.items].map((c: { id: string }) => c.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const cursor: string = first.next_cursor;
    const tampered = `${cursor.slice(0, -1)}${cursor.endsWith("A") ? "B" : "A"}`;
    const res = await call(
      "GET",
      `/api/v1/calendars?cursor=${encodeURIComponent(tampered)}`,
      "advisor",
    );
    expect(res.statusCode).toBe(400);
  });

  it("does not show or change another workspace's calendar (404)", async () => {
    const db = desk.booted.rt.db;
    const workspaceId = "0190a1b2-0000-7000-8000-00000000aa02";
    const id = "0190a1b2-0000-7000-8000-00000000cc02";
    await db.insert(workspaces).values({ id: workspaceId, name: "Elsewhere" });
    await db.insert(calendars).values({
      workspaceId,
      id,
      name: "Their hours",
      timeZone: "UTC",
      weeklyHours: {
        mon: [{ start: "09:00", end: "10:00" }],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      },
    });
    expect((await call("GET", `/api/v1/calendars/${id}`, "admin")).statusCode).toBe(404);
    expect(
      (await call("PATCH", `/api/v1/calendars/${id}`, "admin", { name: "Mine" })).statusCode,
    ).toBe(404);
    const [row] = await db.select().from(calendars).where(sql`${calendars.id} = ${id}`);
    expect(row?.name).toBe("Their hours");
  });
});
