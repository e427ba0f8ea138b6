// API tokens through the API: listed without their secrets, made with an expiry and never above
// their user's role, revoked at once, and their last use written at most once a minute.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { createUser } from "../../src/commands/access/create-user.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (token: string) =>
  desk.app.inject({ method: "GET", url: "/api/v1/me", headers: bearer(token) });
const list = (headers: Record<string, string>) =>
  desk.app.inject({ method: "GET", url: "/api/v1/tokens?limit=100", headers });
const revoke = (id: string, headers: Record<string, string>) =>
  desk.app.inject({ method: "DELETE", url: `/api/v1/tokens/${id}`, headers });
const create = (payload: object, headers: Record<string, string> = desk.as("admin")) =>
  desk.app.inject({ method: "POST", url: "/api/v1/tokens", headers, payload });
const db = () => desk.booted.rt.db;

async function newUser(email: string, role: "advisor" | "manager" | "admin") {
  return createUser(
    desk.booted.rt,
    { workspaceId: desk.workspaceId, email, name: email.split("@")[0] ?? email, role },
    systemActor,
  );
}

async function newToken(name: string, role: "advisor" | "manager" | "admin", userEmail?: string) {
  return createToken(
    desk.booted.rt,
    { workspaceId: desk.workspaceId, name, role, userEmail },
    systemActor,
  );
}

describe("listing tokens", () => {
  it("shows an admin every token, with its user and status, and never a secret or hash", async () => {
    const res = await list(desk.as("admin"));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThanOrEqual(4);
    expect(body.items[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      role: expect.any(String),
      status: "active",
      created_at: expect.any(String),
    });
    const advisor = body.items.find(
      (t: { user: { email: string } | null }) => t.user?.email === desk.users.advisor.email,
    );
    expect(advisor).toMatchObject({ role: "advisor", user: { id: desk.users.advisor.id } });
    for (const secret of Object.values(desk.tokens)) expect(res.body).not.toContain(secret);
    expect(res.body).not.toMatch(/hash/i);
  });

  it("shows anyone else only the tokens bound to themselves", async () => {
    const res = await list(desk.as("advisor"));
    expect(res.statusCode).toBe(200);
    const users = res.json().items.map((t: { user: { id: string } | null }) => t.user?.id);
    expect(users.length).toBeGreaterThanOrEqual(1);
    expect(new Set(users)).toEqual(new Set([desk.users.advisor.id]));
  });

  it("pages newest first with a cursor", async () => {
    const first = await desk.app.inject({
      method: "GET",
      url: "/api/v1/tokens?limit=2",
      headers: desk.as("admin"),
    });
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.next_cursor).toEqual(expect.any(String));
    const second = await desk.app.inject({
      method: "GET",
      url: `/api/v1/tokens?limit=2&cursor=${encodeURIComponent(page1.next_cursor)}`,
      headers: desk.as("admin"),
    });
    const ids = [...page1.items, ...second.json().items].map((t: { id: string }) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page1.items[0].created_at >= page1.items[1].created_at).toBe(true);
  });
});

describe("revoking a token", () => {
  it("refuses the very next request made with it, and revoking again changes nothing", async () => {
    const { id, token } = await newToken("to revoke", "admin");
    expect((await me(token)).statusCode).toBe(200);
    expect((await revoke(id, desk.as("admin"))).statusCode).toBe(204);
    const refused = await me(token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().type).toBe("urn:rapport:problem:unauthenticated");
    expect((await revoke(id, desk.as("admin"))).statusCode).toBe(204);
    const listed = (await list(desk.as("admin")))
      .json()
      .items.find((t: { id: string }) => t.id === id);
    expect(listed).toMatchObject({ status: "revoked", revoked_at: expect.any(String) });
    const events = await db().execute(
      sql`select count(*)::int as n from events where type = 'token.revoked' and data->>'token_id' = ${id}`,
    );
    expect(events.rows[0]?.n).toBe(1);
  });

  it("lets a user revoke their own token but not someone else's, which is a 404", async () => {
    const own = await newToken("ada's own", "advisor", desk.users.advisor.email);
    const others = await newToken("max's", "manager", desk.users.manager.email);
    expect((await revoke(others.id, desk.as("advisor"))).statusCode).toBe(404);
    expect((await me(others.token)).statusCode).toBe(200);
    expect((await revoke(own.id, desk.as("advisor"))).statusCode).toBe(204);
    expect((await me(own.token)).statusCode).toBe(401);
  });

  it("answers 404 for a token that does not exist", async () => {
    const res = await revoke("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", desk.as("admin"));
    expect(res.statusCode).toBe(404);
  });
});

describe("making a token through the API", () => {
  it("answers the secret once, which then works; a replayed Idempotency-Key does not repeat it", async () => {
    const headers = { ...desk.as("manager"), "idempotency-key": "token-1" };
    const first = await create({ name: "zapier", role: "advisor" }, headers);
    expect(first.statusCode).toBe(201);
    const made = first.json();
    expect(made).toMatchObject({
      name: "zapier",
      role: "advisor",
      status: "active",
      user: { id: desk.users.manager.id },
      token: expect.stringMatching(/^rpt_/),
    });
    expect((await me(made.token)).json()).toMatchObject({ role: "advisor" });
    const replay = await create({ name: "zapier", role: "advisor" }, headers);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ id: made.id, token: null });
    const kept = await db().execute(sql`select response::text as r from idempotency_keys`);
    for (const row of kept.rows) expect(String(row.r)).not.toContain(made.token);
  });

  it("refuses a role above the bound user's, or above the maker's, and someone else's token to a non-admin", async () => {
    const aboveUser = await create({
      name: "too much",
      role: "admin",
      user_id: desk.users.advisor.id,
    });
    expect(aboveUser.statusCode).toBe(400);
    expect(aboveUser.json().detail).toMatch(/cannot exceed their role/);
    const aboveMaker = await create({ name: "too much", role: "admin" }, desk.as("manager"));
    expect(aboveMaker.statusCode).toBe(403);
    const forOther = await create(
      { name: "for ada", role: "advisor", user_id: desk.users.advisor.id },
      desk.as("manager"),
    );
    expect(forOther.statusCode).toBe(403);
    const unbound = await create(
      { name: "nobody", role: "advisor", user_id: null },
      desk.as("manager"),
    );
    expect(unbound.statusCode).toBe(403);
  });

  it("takes an expiry in the future, and stops working once it has passed", async () => {
    const past = await create({ name: "old", role: "advisor", expires_at: "2020-01-01T00:00:00Z" });
    expect(past.statusCode).toBe(400);
    const res = await create({
      name: "short",
      role: "advisor",
      expires_at: "2099-01-01T00:00:00Z",
    });
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made.expires_at).toBe("2099-01-01T00:00:00.000Z");
    expect((await me(made.token)).statusCode).toBe(200);
    await db().execute(
      sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${made.id}`,
    );
    expect((await me(made.token)).statusCode).toBe(401);
    const listed = (await list(desk.as("admin")))
      .json()
      .items.find((t: { id: string }) => t.id === made.id);
    expect(listed.status).toBe("expired");
  });
});

describe("a token bound to a user", () => {
  it("acts with no more than the user's role once they are demoted, and not at all once disabled", async () => {
    const nia = await newUser("nia@desk.test", "admin");
    const { token } = await newToken("nia's", "admin", nia.email);
    expect((await me(token)).json().role).toBe("admin");
    const demote = await desk.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${nia.id}`,
      headers: desk.as("admin"),
      payload: { role: "advisor" },
    });
    expect(demote.statusCode).toBe(200);
    expect((await me(token)).json().role).toBe("advisor");
    const adminOnly = await desk.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: bearer(token),
      payload: { email: "x@desk.test", name: "X", role: "admin" },
    });
    expect(adminOnly.statusCode).toBe(403);
    const disable = await desk.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${nia.id}`,
      headers: desk.as("admin"),
      payload: { active: false },
    });
    expect(disable.statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(401);
  });
});

describe("a token's last use", () => {
  /** The last use in milliseconds, or null. */
  const lastUsed = async (id: string) => {
    const [row] = (
      await db().execute(
        sql`select (extract(epoch from last_used_at) * 1000)::float8 as ms from api_tokens where id = ${id}`,
      )
    ).rows;
    return row?.ms === null || row?.ms === undefined ? null : Number(row.ms);
  };

  it("is written on first use, then at most once a minute", async () => {
    const { id, token } = await newToken("busy", "advisor");
    expect(await lastUsed(id)).toBeNull();
    await me(token);
    const first = await lastUsed(id);
    expect(first).toEqual(expect.any(Number));
    await db().execute(
      sql`update api_tokens set last_used_at = now() - interval '30 seconds' where id = ${id}`,
    );
    const recent = await lastUsed(id);
    for (let i = 0; i < 3; i++) await me(token);
    expect(await lastUsed(id)).toEqual(recent);
    await db().execute(
      sql`update api_tokens set last_used_at = now() - interval '61 seconds' where id = ${id}`,
    );
    const stale = await lastUsed(id);
    await me(token);
    const written = await lastUsed(id);
    expect(written).toBeGreaterThan(stale ?? 0);
  });
});
