// Users through the API: created and changed by admins only, passwords write-only and hashed, one
// email per workspace, and the last active admin kept.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, users, workspaces } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

type Role = "admin" | "manager" | "advisor" | "unbound";
const call = (method: "GET" | "POST" | "PATCH", url: string, role: Role, payload?: object) =>
  desk.app.inject({ method, url, headers: desk.as(role), ...(payload ? { payload } : {}) });

const countOf = async (table: typeof users | typeof events) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

const rowOf = async (id: string) =>
  (await desk.booted.rt.db.select().from(users).where(sql`${users.id} = ${id}`))[0];

const signIn = (email: string, password: string) =>
  desk.app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password } });

let sequence = 0;
const newUser = (extra: object = {}) => {
  sequence += 1;
  return {
    email: `person${sequence}@desk.test`,
    name: `Person ${sequence}`,
    role: "advisor",
    ...extra,
  };
};

describe("users", () => {
  it("creates a user with their profile; the password is hashed and never answered", async () => {
    const res = await call("POST", "/api/v1/users", "admin", {
      email: "Claire.Martin@Desk.TEST",
      name: "Claire Martin",
      role: "advisor",
      languages: ["fr", "EN", "fr"],
      time_zone: "Europe/Paris",
      schedule: {
        mon: [{ start: "09:00", end: "17:00" }],
        fri: [{ start: "09:00", end: "12:00" }],
      },
      out_of_office: { from: "2026-08-01T00:00:00Z", until: "2026-08-15T00:00:00+02:00" },
      capacity: 12,
      password: "a long enough password",
    });
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email: "claire.martin@desk.test",
      name: "Claire Martin",
      role: "advisor",
      languages: ["fr", "en"],
      time_zone: "Europe/Paris",
      out_of_office: { from: "2026-08-01T00:00:00.000Z", until: "2026-08-14T22:00:00.000Z" },
      capacity: 12,
      active: true,
    });
    expect(user.schedule.mon).toEqual([{ start: "09:00", end: "17:00" }]);
    expect(user.schedule.sat).toEqual([]);
    expect(res.body).not.toMatch(/password|argon2/i);
    const row = await rowOf(user.id);
    expect(row?.passwordHash).toMatch(/^\$argon2/);
    expect(row?.passwordHash).not.toContain("a long enough password");
    expect((await signIn("claire.martin@desk.test", "a long enough password")).statusCode).toBe(
      200,
    );
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(sql`${events.type} = 'user.created' and ${events.after}->>'id' = ${user.id}`);
    expect(JSON.stringify(event)).not.toMatch(/argon2|a long enough password/);
  });

  it("lists users for every role, without password hashes, filtered by role", async () => {
    for (const role of ["advisor", "manager", "admin", "unbound"] as const) {
      const res = await call("GET", "/api/v1/users?limit=100", role);
      expect(res.statusCode, role).toBe(200);
      expect(res.body).not.toMatch(/password|argon2/i);
      expect(res.json().items.map((u: { email: string }) => u.email)).toContain("ada@desk.test");
    }
    const managers = (await call("GET", "/api/v1/users?role=manager", "advisor")).json().items;
    expect(managers.map((u: { email: string }) => u.email)).toEqual(["max@desk.test"]);
    const one = await call("GET", `/api/v1/users/${desk.users.advisor.id}`, "advisor");
    expect(one.json()).toMatchObject({ name: "Ada Advisor", role: "advisor" });
    expect(one.body).not.toMatch(/password/i);
  });

  it("refuses an email another user of the workspace has, whatever its case (409)", async () => {
    const before = await countOf(users);
    const res = await call("POST", "/api/v1/users", "admin", newUser({ email: "ADA@desk.test" }));
    expect(res.statusCode).toBe(409);
    const other = (await call("POST", "/api/v1/users", "admin", newUser())).json();
    const patch = await call("PATCH", `/api/v1/users/${other.id}`, "admin", {
      email: "max@desk.test",
    });
    expect(patch.statusCode).toBe(409);
    expect(await countOf(users)).toBe(before + 1);
    expect((await rowOf(other.id))?.email).toBe(other.email);
  });

  it("refuses bad input with 400 and stores nothing", async () => {
    const before = await countOf(users);
    const eventsBefore = await countOf(events);
    const cases = [
      { role: "owner" },
      { email: "not-an-email" },
      { password: "short" },
      { capacity: -1 },
      { capacity: 2.5 },
      { time_zone: "Moon/Base" },
      { languages: ["french"] },
      { out_of_office: { from: "2026-08-15T00:00:00Z", until: "2026-08-01T00:00:00Z" } },
      { schedule: { mon: [{ start: "17:00", end: "09:00" }] } },
      { password_hash: "$argon2id$v=19$forged" },
      { nickname: "Al" },
    ];
    for (const extra of cases) {
      const res = await call("POST", "/api/v1/users", "admin", newUser(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
    }
    expect(await countOf(users)).toBe(before);
    expect(await countOf(events)).toBe(eventsBefore);
  });

  it("changes a user's profile and records what changed, never the password", async () => {
    const created = (
      await call("POST", "/api/v1/users", "admin", newUser({ password: "first password!" }))
    ).json();
    const res = await call("PATCH", `/api/v1/users/${created.id}`, "admin", {
      role: "manager",
      capacity: 5,
      out_of_office: { from: "2026-09-01T08:00:00Z", until: "2026-09-02T08:00:00Z" },
      password: "second password!",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: "manager", capacity: 5 });
    expect(res.json().out_of_office.from).toBe("2026-09-01T08:00:00.000Z");
    expect((await signIn(created.email, "first password!")).statusCode).toBe(401);
    expect((await signIn(created.email, "second password!")).statusCode).toBe(200);
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(sql`${events.type} = 'user.updated' and ${events.data}->>'user_id' = ${created.id}`);
    expect(event?.before).toMatchObject({ role: "advisor", capacity: null });
    expect(event?.after).toMatchObject({ role: "manager", capacity: 5 });
    expect(event?.data).toMatchObject({ password_changed: true });
    expect(JSON.stringify(event)).not.toMatch(/second password|argon2/);
    const cleared = await call("PATCH", `/api/v1/users/${created.id}`, "admin", {
      out_of_office: null,
    });
    expect(cleared.json().out_of_office).toBeNull();
  });

  it("ends a user's sessions when they are deactivated", async () => {
    const created = (
      await call("POST", "/api/v1/users", "admin", newUser({ password: "let me in please" }))
    ).json();
    const session = await signIn(created.email, "let me in please");
    const cookie = session.cookies.find((c) => c.name === "rapport_session")?.value;
    const me = () =>
      desk.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { cookie: `rapport_session=${cookie}` },
      });
    expect((await me()).statusCode).toBe(200);
    const res = await call("PATCH", `/api/v1/users/${created.id}`, "admin", { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await me()).statusCode).toBe(401);
    expect((await signIn(created.email, "let me in please")).statusCode).toBe(401);
  });

  it("ends a user's console sessions when an admin gives them a new password", async () => {
    const created = (
      await call("POST", "/api/v1/users", "admin", newUser({ password: "old password here" }))
    ).json();
    const cookie = (await signIn(created.email, "old password here")).cookies.find(
      (c) => c.name === "rapport_session",
    );
    const me = () =>
      desk.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { cookie: `rapport_session=${cookie?.value}` },
      });
    expect((await me()).statusCode).toBe(200);
    await call("PATCH", `/api/v1/users/${created.id}`, "admin", { password: "new password here" });
    expect((await me()).statusCode).toBe(401);
  });

  it("keeps the last active admin: no demotion, no deactivation (409), until another admin exists", async () => {
    const db = desk.booted.rt.db;
    const [admin] = await db.select().from(users).where(sql`${users.email} = 'root@desk.test'`);
    const id = admin?.id as string;
    const eventsBefore = await countOf(events);
    const demote = await call("PATCH", `/api/v1/users/${id}`, "admin", { role: "manager" });
    expect(demote.statusCode, demote.body).toBe(409);
    const deactivate = await call("PATCH", `/api/v1/users/${id}`, "unbound", { active: false });
    expect(deactivate.statusCode).toBe(409);
    expect(await rowOf(id)).toMatchObject({ role: "admin", active: true });
    expect(await countOf(events)).toBe(eventsBefore);

    const second = (
      await call("POST", "/api/v1/users", "admin", newUser({ role: "admin" }))
    ).json();
    const stepDown = await call("PATCH", `/api/v1/users/${id}`, "admin", { role: "manager" });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    const last = await call("PATCH", `/api/v1/users/${second.id}`, "unbound", { active: false });
    expect(last.statusCode).toBe(409);
    const back = await call("PATCH", `/api/v1/users/${id}`, "unbound", { role: "admin" });
    expect(back.statusCode).toBe(200);
  });

  it("lets only admins create or change users (403, nothing changed)", async () => {
    const before = await countOf(users);
    for (const role of ["advisor", "manager"] as const) {
      expect((await call("POST", "/api/v1/users", role, newUser())).statusCode).toBe(403);
      const raise = await call("PATCH", `/api/v1/users/${desk.users.advisor.id}`, role, {
        role: "admin",
      });
      expect(raise.statusCode).toBe(403);
    }
    expect(await countOf(users)).toBe(before);
    expect((await rowOf(desk.users.advisor.id))?.role).toBe("advisor");
  });

  it("pages users with a cursor and refuses a tampered one", async () => {
    const total = await countOf(users);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const url: string = `/api/v1/users?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const body = (await call("GET", url, "advisor")).json();
      seen.push(...body.items.map((u: { id: string }) => u.id));
      cursor = body.next_cursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const first = (await call("GET", "/api/v1/users?limit=1", "advisor")).json();
    const [payload] = (first.next_cursor as string).split(".");
    const res = await call(
      "GET",
      `/api/v1/users?cursor=${payload}.forgedsignature0000000`,
      "advisor",
    );
    expect(res.statusCode).toBe(400);
  });

  it("does not show or change another workspace's user (404)", async () => {
    const db = desk.booted.rt.db;
    const workspaceId = "0190a1b2-0000-7000-8000-00000000aa03";
    const id = "0190a1b2-0000-7000-8000-00000000dd03";
    await db.insert(workspaces).values({ id: workspaceId, name: "Elsewhere" });
    await db
      .insert(users)
      .values({ workspaceId, id, email: "them@elsewhere.test", name: "Them", role: "advisor" });
    expect((await call("GET", `/api/v1/users/${id}`, "admin")).statusCode).toBe(404);
    expect(
      (await call("PATCH", `/api/v1/users/${id}`, "admin", { role: "admin" })).statusCode,
    ).toBe(404);
    expect((await rowOf(id))?.role).toBe("advisor");
    const list = (await call("GET", "/api/v1/users?limit=100", "admin")).json().items;
    expect(list.map((u: { id: string }) => u.id)).not.toContain(id);
  });
});
