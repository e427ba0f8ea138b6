// How many transfers wait for me (the header's "Transfers to accept" badge) through the API: counted
// per receiver and status, other workspaces' never, a bad filter refused; and its plan reads the
// partial index of pending transfers.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countCap } from "../../src/store/queries/conversation-views.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { addAdvisor } from "../helpers/desk-advisor.ts";

let desk: Desk;
let bea: { id: string; headers: { authorization: string } };
let cal: { id: string; headers: { authorization: string } };
type Who = "advisor" | "manager" | "admin" | { authorization: string };

beforeAll(async () => {
  desk = await startDesk();
  bea = await addAdvisor(desk, "Bea Backup", "bea@desk.test");
  cal = await addAdvisor(desk, "Cal Colleague", "cal@desk.test");
});
afterAll(async () => {
  await desk?.close();
});

function call(method: "GET" | "POST" | "PATCH", url: string, who: Who, payload?: object) {
  const headers = typeof who === "string" ? desk.as(who) : who;
  return desk.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

async function count(url: string, who: Who) {
  const res = await call("GET", url, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { count: number; more: boolean };
}

/** A conversation of Ada's (the desk's advisor), which she asks `to` to take. */
async function transferredTo(to: string, n: number) {
  const intake = await call("POST", "/api/v1/messages/inbound", "admin", {
    channel: "form",
    from: { email: `parcel-${n}@example.com` },
    subject: `Parcel ${n}`,
    body: "Where is my parcel?",
  });
  expect(intake.statusCode, intake.body).toBe(201);
  const id = intake.json().conversation_id as string;
  const assigned = await call("PATCH", `/api/v1/conversations/${id}`, "manager", {
    assignee_id: desk.users.advisor.id,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const asked = await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
    to,
    reason: "You know this carrier",
  });
  expect(asked.statusCode, asked.body).toBe(201);
  return id;
}

describe("the count of transfers to accept", () => {
  it("counts the pending transfers to me, and drops one once accepted", async () => {
    const mine = "/api/v1/transfers/count?to=me&status=pending";
    expect(await count(mine, bea.headers)).toEqual({ count: 0, more: false });
    const first = await transferredTo(bea.id, 1);
    await transferredTo(bea.id, 2);
    await transferredTo(cal.id, 3);
    expect(await count(mine, bea.headers)).toEqual({ count: 2, more: false });
    expect(await count(mine, cal.headers)).toEqual({ count: 1, more: false });
    // The same rows the list pages through.
    const listed = await call("GET", "/api/v1/transfers?to=me&status=pending", bea.headers);
    expect(listed.json().items).toHaveLength(2);

    const accepted = await call(
      "POST",
      `/api/v1/conversations/${first}/transfer/accept`,
      bea.headers,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await count(mine, bea.headers)).toEqual({ count: 1, more: false });
    expect(await count("/api/v1/transfers/count?to=me&status=accepted", bea.headers)).toEqual({
      count: 1,
      more: false,
    });
    expect(await count("/api/v1/transfers/count?from=me", "advisor")).toEqual({
      count: 3,
      more: false,
    });
  });

  it("refuses a bad filter with 400", async () => {
    for (const url of [
      "/api/v1/transfers/count?status=lost",
      "/api/v1/transfers/count?to=someone",
      "/api/v1/transfers/count?limit=5",
    ]) {
      expect((await call("GET", url, bea.headers)).statusCode, url).toBe(400);
    }
  });

  it("counts nothing of another workspace", async () => {
    const other = await startDesk();
    try {
      // The other desk's advisor is a stranger here: their id counts nothing in this workspace.
      const res = await call("GET", `/api/v1/transfers/count?to=${bea.id}`, "admin");
      expect(res.json().count).toBeGreaterThan(0);
      const theirs = await other.app.inject({
        method: "GET",
        url: `/api/v1/transfers/count?to=${bea.id}`,
        headers: other.as("admin"),
      });
      expect(theirs.json()).toEqual({ count: 0, more: false });
    } finally {
      await other.close();
    }
  });

  it("reads the partial index of pending transfers, counted up to the cap", async () => {
    const client = new pg.Client({ connectionString: desk.config.databaseUrl });
    await client.connect();
    try {
      await client.query("set enable_seqscan = off");
      const plan = await client.query<{ "QUERY PLAN": string }>(
        `explain select count(*) from (select 1 from conversation_transfers
          where workspace_id = $1 and to_id = $2 and status = 'pending' limit ${countCap + 1}) c`,
        [desk.workspaceId, bea.id],
      );
      expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain(
        "conversation_transfers_to_pending",
      );
    } finally {
      await client.end();
    }
  });
});
