// Teams through the API: a named manager who is a manager or admin, members of the workspace, and a
// manager who may staff and rename their own team but not hand it over or touch another.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { createUser } from "../../src/commands/access/create-user.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { events, teamMembers, teams, users, workspaces } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let otherManager: { id: string; token: string };
beforeAll(async () => {
  desk = await startDesk();
  const { rt } = desk.booted;
  const user = await createUser(
    rt,
    { workspaceId: desk.workspaceId, email: "mia@desk.test", name: "Mia Manager", role: "manager" },
    systemActor,
  );
  const { token } = await createToken(
    rt,
    { workspaceId: desk.workspaceId, name: "mia", role: "manager", userEmail: user.email },
    systemActor,
  );
  otherManager = { id: user.id, token };
});
afterAll(() => desk?.close());

type Role = "admin" | "manager" | "advisor" | "unbound";
const call = (
  method: "GET" | "POST" | "PATCH",
  url: string,
  role: Role | { token: string },
  payload?: object,
) =>
  desk.app.inject({
    method,
    url,
    headers: typeof role === "string" ? desk.as(role) : { authorization: `Bearer ${role.token}` },
    ...(payload ? { payload } : {}),
  });

const countOf = async (table: typeof teams | typeof events | typeof teamMembers) =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

const membersOf = async (teamId: string) =>
  (await desk.booted.rt.db.select().from(teamMembers).where(sql`${teamMembers.teamId} = ${teamId}`))
    .map((m) => m.userId)
    .sort();

const maxTeam = async (name = "Front desk") => {
  const res = await call("POST", "/api/v1/teams", "admin", {
    name,
    manager_id: desk.users.manager.id,
    member_ids: [desk.users.advisor.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe("teams", () => {
  it("creates a team with its manager and members, stored and recorded", async () => {
    const team = await maxTeam();
    expect(team).toMatchObject({
      name: "Front desk",
      manager_id: desk.users.manager.id,
      member_ids: [desk.users.advisor.id],
    });
    expect(await membersOf(team.id)).toEqual([desk.users.advisor.id]);
    const read = await call("GET", `/api/v1/teams/${team.id}`, "advisor");
    expect(read.json()).toEqual(team);
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(sql`${events.type} = 'team.created' and ${events.after}->>'id' = ${team.id}`);
    expect(event?.after).toMatchObject({
      managerId: desk.users.manager.id,
      memberIds: [desk.users.advisor.id],
    });
  });

  it("refuses an advisor, an inactive manager or an unknown user as the team's manager (400)", async () => {
    const db = desk.booted.rt.db;
    const inactive = (
      await call("POST", "/api/v1/users", "admin", {
        email: "gone@desk.test",
        name: "Gone",
        role: "manager",
        active: false,
      })
    ).json();
    const before = await countOf(teams);
    for (const managerId of [
      desk.users.advisor.id,
      inactive.id,
      "0190a1b2-0000-7000-8000-0000000000ff",
    ]) {
      const res = await call("POST", "/api/v1/teams", "admin", {
        name: "Nope",
        manager_id: managerId,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toMatch(/manager_id/);
    }
    expect((await call("POST", "/api/v1/teams", "admin", { name: "No manager" })).statusCode).toBe(
      400,
    );
    expect(await countOf(teams)).toBe(before);
    const team = await maxTeam("Keeps its manager");
    const demote = await call("PATCH", `/api/v1/teams/${team.id}`, "admin", {
      manager_id: desk.users.advisor.id,
    });
    expect(demote.statusCode).toBe(400);
    const [row] = await db.select().from(teams).where(sql`${teams.id} = ${team.id}`);
    expect(row?.managerId).toBe(desk.users.manager.id);
  });

  it("refuses members who are not users of the workspace, and keeps the old members", async () => {
    const team = await maxTeam("Staffed");
    const res = await call("PATCH", `/api/v1/teams/${team.id}`, "admin", {
      member_ids: [desk.users.manager.id, "0190a1b2-0000-7000-8000-0000000000fe"],
    });
    expect(res.statusCode).toBe(400);
    expect(await membersOf(team.id)).toEqual([desk.users.advisor.id]);
  });

  it("lets the team's own manager rename it and change its members", async () => {
    const team = await maxTeam("Before");
    const res = await call("PATCH", `/api/v1/teams/${team.id}`, "manager", {
      name: "After",
      member_ids: [desk.users.advisor.id, otherManager.id, desk.users.advisor.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().name).toBe("After");
    const expected = [desk.users.advisor.id, otherManager.id].sort();
    expect(res.json().member_ids).toEqual(expected);
    expect(await membersOf(team.id)).toEqual(expected);
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(sql`${events.type} = 'team.updated' and ${events.data}->>'team_id' = ${team.id}`);
    expect(event?.actorId).toBe(desk.users.manager.id);
    expect(event?.before).toEqual({ name: "Before", memberIds: [desk.users.advisor.id] });
    expect(event?.after).toEqual({ name: "After", memberIds: expected });
  });

  it("does not let a manager hand their team over, or change a team managed by someone else (403)", async () => {
    const team = await maxTeam("Guarded");
    const eventsBefore = await countOf(events);
    const handOver = await call("PATCH", `/api/v1/teams/${team.id}`, "manager", {
      manager_id: otherManager.id,
    });
    expect(handOver.statusCode).toBe(403);
    const intruder = await call("PATCH", `/api/v1/teams/${team.id}`, otherManager, {
      name: "Mine now",
    });
    expect(intruder.statusCode).toBe(403);
    const advisor = await call("PATCH", `/api/v1/teams/${team.id}`, "advisor", { name: "Ours" });
    expect(advisor.statusCode).toBe(403);
    expect(
      (
        await call("POST", "/api/v1/teams", "manager", {
          name: "New",
          manager_id: desk.users.manager.id,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call("POST", "/api/v1/teams", "advisor", {
          name: "New",
          manager_id: desk.users.manager.id,
        })
      ).statusCode,
    ).toBe(403);
    expect((await call("GET", `/api/v1/teams/${team.id}`, "admin")).json()).toEqual(team);
    expect(await countOf(events)).toBe(eventsBefore);
  });

  it("lets an admin name another manager", async () => {
    const team = await maxTeam("Handed over");
    const res = await call("PATCH", `/api/v1/teams/${team.id}`, "admin", {
      manager_id: otherManager.id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().manager_id).toBe(otherManager.id);
    const now = await call("PATCH", `/api/v1/teams/${team.id}`, otherManager, {
      name: "Mia's team",
    });
    expect(now.statusCode).toBe(200);
    expect(
      (await call("PATCH", `/api/v1/teams/${team.id}`, "manager", { name: "Max's" })).statusCode,
    ).toBe(403);
  });

  it("keeps a team's manager from being demoted to advisor or deactivated until the team has another (409)", async () => {
    const lead = (
      await call("POST", "/api/v1/users", "admin", {
        email: "lead@desk.test",
        name: "Lead",
        role: "manager",
      })
    ).json();
    const team = (
      await call("POST", "/api/v1/teams", "admin", { name: "Led", manager_id: lead.id })
    ).json();
    for (const change of [{ role: "advisor" }, { active: false }]) {
      const res = await call("PATCH", `/api/v1/users/${lead.id}`, "admin", change);
      expect(res.statusCode, JSON.stringify(change)).toBe(409);
      expect(res.json().detail).toMatch(/Led/);
    }
    const [row] = await desk.booted.rt.db.select().from(users).where(sql`${users.id} = ${lead.id}`);
    expect(row).toMatchObject({ role: "manager", active: true });
    expect(
      (await call("PATCH", `/api/v1/users/${lead.id}`, "admin", { role: "admin" })).statusCode,
    ).toBe(200);
    await call("PATCH", `/api/v1/teams/${team.id}`, "admin", { manager_id: desk.users.manager.id });
    expect(
      (await call("PATCH", `/api/v1/users/${lead.id}`, "admin", { active: false })).statusCode,
    ).toBe(200);
  });

  it("rejects unknown fields with 400 and changes nothing", async () => {
    const team = await maxTeam("Strict");
    const before = await countOf(events);
    const res = await call("PATCH", `/api/v1/teams/${team.id}`, "admin", {
      name: "x",
      colour: "green",
    });
    expect(res.statusCode).toBe(400);
    const create = await call("POST", "/api/v1/teams", "admin", {
      name: "x",
      manager_id: desk.users.manager.id,
      members: [],
    });
    expect(create.statusCode).toBe(400);
    expect(await countOf(events)).toBe(before);
  });

  it("pages teams with a cursor and refuses a tampered one", async () => {
    const total = await countOf(teams);
    const first = (await call("GET", "/api/v1/teams?limit=1", "advisor")).json();
    expect(first.items).toHaveLength(1);
    const rest = (
      await call(
        "GET",
        `/api/v1/teams?limit=100&cursor=${encodeURIComponent(first.next_cursor)}`,
        "advisor",
      )
    ).json();
    expect(rest.items).toHaveLength(total - 1);
    expect(rest.items.map((t: { id: string }) => t.id)).not.toContain(first.items[0].id);
    const tampered = (first.next_cursor as string).replace(/^./, (c) => (c === "W" ? "X" : "W"));
    expect(
      (await call("GET", `/api/v1/teams?cursor=${encodeURIComponent(tampered)}`, "advisor"))
        .statusCode,
    ).toBe(400);
  });

  it("does not show or change another workspace's team (404), nor take its users as members", async () => {
    const db = desk.booted.rt.db;
    const workspaceId = "0190a1b2-0000-7000-8000-00000000aa04";
    const userId = "0190a1b2-0000-7000-8000-00000000dd04";
    const teamId = "0190a1b2-0000-7000-8000-00000000ee04";
    await db.insert(workspaces).values({ id: workspaceId, name: "Elsewhere" });
    await db.insert(users).values({
      workspaceId,
      id: userId,
      email: "boss@elsewhere.test",
      name: "Boss",
      role: "manager",
    });
    await db
      .insert(teams)
      .values({ workspaceId, id: teamId, name: "Their team", managerId: userId });
    expect((await call("GET", `/api/v1/teams/${teamId}`, "admin")).statusCode).toBe(404);
    expect(
      (await call("PATCH", `/api/v1/teams/${teamId}`, "admin", { name: "Ours" })).statusCode,
    ).toBe(404);
    const borrowing = await call("POST", "/api/v1/teams", "admin", {
      name: "Borrow",
      manager_id: userId,
    });
    expect(borrowing.statusCode).toBe(400);
    const [row] = await db.select().from(teams).where(sql`${teams.id} = ${teamId}`);
    expect(row?.name).toBe("Their team");
  });
});
