// The continuity report on a small desk whose figures are worked out by hand, and "My customers":
// the portfolio of an advisor or backup with who is waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { addAdvisor } from "../helpers/desk-advisor.ts";

let desk: Desk;
type Headers = { authorization: string };
let ada: { id: string; headers: Headers };
let bea: { id: string; headers: Headers };
let cal: { id: string; headers: Headers };

function call(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  headers: Headers,
  payload?: object,
) {
  return desk.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}
const admin = () => desk.as("admin");

async function inbound(email: string, subject: string) {
  const res = await call("POST", "/api/v1/messages/inbound", admin(), {
    channel: "form",
    from: { email },
    subject,
    body: `About ${subject}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { conversation_id: string; customer_id: string };
}

async function reply(conversationId: string, by: Headers) {
  const res = await call("POST", `/api/v1/conversations/${conversationId}/messages`, by, {
    kind: "reply",
    body: "Here is the answer.",
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function transfer(
  conversationId: string,
  from: Headers,
  to: string,
  then: "accept" | "decline" | "cancel",
  receiver: Headers,
) {
  const asked = await call("POST", `/api/v1/conversations/${conversationId}/transfer`, from, {
    to,
    reason: "Hand-over",
  });
  expect(asked.statusCode, asked.body).toBe(201);
  const res =
    then === "cancel"
      ? await call("DELETE", `/api/v1/conversations/${conversationId}/transfer`, from)
      : await call(
          "POST",
          `/api/v1/conversations/${conversationId}/transfer/${then}`,
          receiver,
          then === "decline" ? { reason: "Not mine" } : undefined,
        );
  expect(res.statusCode, res.body).toBe(200);
}

let teamId: string;
let x: string;
let waitingX: string;
let z: string;

beforeAll(async () => {
  // The send-mail job must run: a reply is a human answer once the outbox holds it.
  desk = await startDesk({}, { workers: true });
  ada = await addAdvisor(desk, "Ada Lovelace", "ada.l@desk.test");
  bea = await addAdvisor(desk, "Bea Backup", "bea@desk.test");
  cal = await addAdvisor(desk, "Cal Colleague", "cal@desk.test");
  const team = await call("POST", "/api/v1/teams", admin(), {
    name: "Care",
    manager_id: desk.users.manager.id,
    member_ids: [ada.id, bea.id, cal.id],
  });
  expect(team.statusCode, team.body).toBe(201);
  teamId = team.json().id;

  // Customer X: Ada is their advisor, Bea their backup. Customer Y has neither.
  const x1 = await inbound("x@example.com", "X1");
  x = x1.customer_id;
  const named = await call("PATCH", `/api/v1/customers/${x}`, admin(), {
    advisor_id: ada.id,
    backup_id: bea.id,
  });
  expect(named.statusCode, named.body).toBe(200);
  const x2 = await inbound("x@example.com", "X2");
  const x3 = await inbound("x@example.com", "X3");
  const x4 = await inbound("x@example.com", "X4");
  expect(new Set([x2.customer_id, x3.customer_id, x4.customer_id])).toEqual(new Set([x]));
  const y1 = await inbound("y@example.com", "Y1");
  for (const c of [x1, x2]) {
    const res = await call("PATCH", `/api/v1/conversations/${c.conversation_id}`, admin(), {
      team_id: teamId,
      assignee_id: ada.id,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  // X1 answered by Ada (kept); X2 handed to Cal, who answers (not kept, 1 transfer);
  await reply(x1.conversation_id, ada.headers);
  await transfer(x2.conversation_id, ada.headers, cal.id, "accept", cal.headers);
  await reply(x2.conversation_id, cal.headers);
  // X3 answered by Ada then Cal (not kept), one transfer declined (counts), one cancelled (does not);
  await reply(x3.conversation_id, ada.headers);
  await reply(x3.conversation_id, cal.headers);
  await transfer(x3.conversation_id, admin(), bea.id, "decline", bea.headers);
  await transfer(x3.conversation_id, admin(), bea.id, "cancel", bea.headers);
  // X4 answered by Bea, the backup (kept); Y1 answered by Ada, but Y has no advisor (outside the rate).
  await reply(x4.conversation_id, bea.headers);
  await reply(y1.conversation_id, ada.headers);
  // X5 waits for an answer.
  waitingX = (await inbound("x@example.com", "X5")).conversation_id;
  // Customer Z, newer: Bea is their advisor, nobody waits.
  z = (await inbound("z@example.com", "Z1")).customer_id;
  await call("PATCH", `/api/v1/customers/${z}`, admin(), { advisor_id: bea.id });
  const zConversation = (
    await call("GET", "/api/v1/conversations?customer_email=z@example.com", admin())
  ).json().items[0].id;
  await reply(zConversation, bea.headers);
  for (let i = 0; i < 100; i++) {
    const c = (await call("GET", `/api/v1/conversations/${zConversation}`, admin())).json();
    if (!c.owed_answer) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(async () => {
  await desk?.close();
});

type Figures = {
  conversations: number;
  with_advisor: number;
  kept: number;
  transfers: number;
  continuity_rate: number | null;
  transfers_per_conversation: number | null;
};

describe("the continuity report", () => {
  it("counts kept conversations and transfers as worked out by hand", async () => {
    const res = await call("GET", "/api/v1/reports/continuity", desk.as("manager"));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as {
      totals: Figures;
      teams: Array<Figures & { team_id: string | null }>;
      advisors: Array<Figures & { advisor_id: string | null }>;
    };
    // X1..X4, Y1 and Z1: six answered; X and Z have advisors (5); kept: X1, X4, Z1.
    expect(r.totals).toEqual({
      conversations: 6,
      with_advisor: 5,
      kept: 3,
      transfers: 2,
      continuity_rate: 3 / 5,
      transfers_per_conversation: 2 / 6,
    });
    const byAdvisor = new Map(r.advisors.map((a) => [a.advisor_id, a]));
    expect(byAdvisor.get(ada.id)).toMatchObject({
      conversations: 4,
      kept: 2,
      continuity_rate: 0.5,
      transfers: 2,
    });
    expect(byAdvisor.get(bea.id)).toMatchObject({ conversations: 1, kept: 1, continuity_rate: 1 });
    expect(byAdvisor.get(null)).toMatchObject({
      conversations: 1,
      with_advisor: 0,
      continuity_rate: null,
    });
    const care = r.teams.find((t) => t.team_id === teamId);
    expect(care).toMatchObject({ conversations: 2, kept: 1, transfers: 1, continuity_rate: 0.5 });
  });

  it("narrows to one team", async () => {
    const res = await call("GET", `/api/v1/reports/continuity?team=${teamId}`, desk.as("manager"));
    expect(res.json().totals).toMatchObject({ conversations: 2, kept: 1, transfers: 1 });
  });

  it("counts nothing in a period before the answers", async () => {
    const res = await call(
      "GET",
      "/api/v1/reports/continuity?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z",
      desk.as("manager"),
    );
    expect(res.json().totals).toMatchObject({ conversations: 0, continuity_rate: null });
  });

  it("is for managers, and refuses a period upside down", async () => {
    expect((await call("GET", "/api/v1/reports/continuity", ada.headers)).statusCode).toBe(403);
    const upside = await call(
      "GET",
      "/api/v1/reports/continuity?from=2021-01-01T00:00:00Z&to=2020-01-01T00:00:00Z",
      desk.as("manager"),
    );
    expect(upside.statusCode).toBe(400);
  });
});

describe("my customers", () => {
  it("lists the customers I am advisor or backup of, newest first, with who is waiting", async () => {
    const res = await call("GET", "/api/v1/my-customers", bea.headers);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{
      id: string;
      role: string;
      waiting: Array<{ conversation_id: string; due_at: string | null }>;
    }>;
    expect(items.map((c) => [c.id, c.role])).toEqual([
      [z, "advisor"],
      [x, "backup"],
    ]);
    expect(items[0]?.waiting).toEqual([]);
    expect(items[1]?.waiting.map((w) => w.conversation_id)).toEqual([waitingX]);
    const c = (await call("GET", `/api/v1/conversations/${waitingX}`, admin())).json();
    expect(items[1]?.waiting[0]?.due_at).toBe(c.first_response_due_at ?? c.next_response_due_at);
  });

  it("pages with a cursor", async () => {
    const first = await call("GET", "/api/v1/my-customers?limit=1", bea.headers);
    expect(first.json().items.map((c: { id: string }) => c.id)).toEqual([z]);
    const cursor = first.json().next_cursor as string;
    expect(cursor).toEqual(expect.any(String));
    const second = await call(
      "GET",
      `/api/v1/my-customers?limit=1&cursor=${encodeURIComponent(cursor)}`,
      bea.headers,
    );
    expect(second.json().items.map((c: { id: string }) => c.id)).toEqual([x]);
    expect(second.json().next_cursor).toBeNull();
    expect(
      (await call("GET", "/api/v1/my-customers?cursor=tampered", bea.headers)).statusCode,
    ).toBe(400);
  });

  it("is empty for someone with no customers", async () => {
    const res = await call("GET", "/api/v1/my-customers", cal.headers);
    expect(res.json()).toEqual({ items: [], next_cursor: null });
  });
});
