// The workload report through the API: open conversations, owed and overdue answers per advisor and
// per team, the answers sent in the period, and who may read it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers, type Workers } from "../../src/jobs/workers.ts";
import { conversations } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let workers: Workers;
beforeAll(async () => {
  desk = await startDesk();
  // The reply counts as a human answer once the outbox holds it: the send-mail job must run.
  workers = await startWorkers(desk.booted.rt);
});
afterAll(async () => {
  await workers?.stop();
  await desk?.close();
});

type Role = "admin" | "manager" | "advisor";
const call = (method: "GET" | "POST" | "PATCH", url: string, role: Role, payload?: object) =>
  desk.app.inject({ method, url, headers: desk.as(role), ...(payload ? { payload } : {}) });

const inbound = async (email: string) => {
  const res = await call("POST", "/api/v1/messages/inbound", "advisor", {
    channel: "form",
    from: { email },
    body: "Where is my parcel?",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().conversation_id as string;
};

type Row = { open: number; owed: number; overdue: number; breached: number };
type Report = {
  totals: Row & { answers: number };
  advisors: Array<
    Row & { user_id: string | null; answers: number; answered_conversations: number }
  >;
  teams: Array<Row & { team_id: string | null }>;
};

describe("the workload report", () => {
  let teamId: string;
  let answered: string;
  let overdue: string;

  beforeAll(async () => {
    const team = await call("POST", "/api/v1/teams", "admin", {
      name: "Parcels",
      manager_id: desk.users.manager.id,
      member_ids: [desk.users.advisor.id],
    });
    expect(team.statusCode, team.body).toBe(201);
    teamId = team.json().id;
    answered = await inbound("one@example.com");
    overdue = await inbound("two@example.com");
    await inbound("three@example.com");
    for (const id of [answered, overdue]) {
      const res = await call("PATCH", `/api/v1/conversations/${id}`, "manager", {
        assignee_id: desk.users.advisor.id,
        team_id: teamId,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const reply = await call("POST", `/api/v1/conversations/${answered}/messages`, "advisor", {
      kind: "reply",
      body: "It left the warehouse this morning.",
    });
    expect(reply.statusCode, reply.body).toBe(201);
    for (let i = 0; i < 100; i++) {
      const c = (await call("GET", `/api/v1/conversations/${answered}`, "advisor")).json();
      if (c.answered) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // A due time in the past stands for a clock that ran out (the report reads the stored due times).
    await desk.booted.rt.db
      .update(conversations)
      .set({ firstResponseDueAt: new Date(Date.now() - 60_000) })
      .where(sql`${conversations.id} = ${overdue}`);
  });

  it("counts open, owed and overdue conversations per advisor and per team", async () => {
    const res = await call("GET", "/api/v1/reports/workload", "manager");
    expect(res.statusCode, res.body).toBe(200);
    const r: Report = res.json();
    const ada = r.advisors.find((a) => a.user_id === desk.users.advisor.id);
    expect(ada).toMatchObject({
      open: 2,
      owed: 1,
      overdue: 1,
      answers: 1,
      answered_conversations: 1,
    });
    const nobody = r.advisors.find((a) => a.user_id === null);
    expect(nobody).toMatchObject({ open: 1, owed: 1, overdue: 0, answers: 0 });
    expect(r.teams.find((t) => t.team_id === teamId)).toMatchObject({ open: 2, owed: 1 });
    expect(r.teams.find((t) => t.team_id === null)).toMatchObject({ open: 1, owed: 1 });
    expect(r.totals).toMatchObject({ open: 3, owed: 2, overdue: 1, answers: 1 });
  });

  it("leaves out answers sent before the period and resolved conversations", async () => {
    const resolved = await call("PATCH", `/api/v1/conversations/${answered}`, "advisor", {
      status: "resolved",
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const from = new Date(Date.now() + 60_000).toISOString();
    const to = new Date(Date.now() + 120_000).toISOString();
    const res = await call(
      "GET",
      `/api/v1/reports/workload?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      "admin",
    );
    expect(res.statusCode, res.body).toBe(200);
    const r: Report = res.json();
    expect(r.totals).toMatchObject({ open: 2, answers: 0 });
    expect(r.advisors.find((a) => a.user_id === desk.users.advisor.id)).toMatchObject({
      open: 1,
      answers: 0,
    });
  });

  it("is for managers and admins: an advisor gets a 403", async () => {
    const res = await call("GET", "/api/v1/reports/workload", "advisor");
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("forbidden");
  });

  it("refuses a period that ends before it starts, with a code", async () => {
    const res = await call(
      "GET",
      "/api/v1/reports/workload?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
      "manager",
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("invalid_input");
  });
});
