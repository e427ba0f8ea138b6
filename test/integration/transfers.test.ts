// Transfers through the API: a pending transfer leaves the conversation with its holder (still on
// their unanswered watch) until the receiver accepts; decline with a reason, cancel, the manager told
// at the third transfer, who may do what, and Idempotency-Key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { brands, workspaces } from "../../src/store/schema/index.ts";
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

function call(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  who: Who,
  payload?: object,
  key?: string,
) {
  const headers = {
    ...(typeof who === "string" ? desk.as(who) : who),
    ...(key ? { "idempotency-key": key } : {}),
  };
  return desk.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

/** A conversation owed an answer, assigned to Ada (the desk's advisor). */
async function adasConversation(email: string) {
  const res = await call("POST", "/api/v1/messages/inbound", "admin", {
    channel: "form",
    from: { email },
    subject: "My parcel",
    body: "Where is my parcel?",
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().conversation_id as string;
  const assigned = await call("PATCH", `/api/v1/conversations/${id}`, "manager", {
    assignee_id: desk.users.advisor.id,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return id;
}

const unansweredIds = async (who: Who) =>
  (
    (await call("GET", "/api/v1/unanswered?assignee=me&limit=100", who)).json().items as Array<{
      id: string;
    }>
  ).map((c) => c.id);

const timelineTypes = async (conversationId: string) => {
  const c = (await call("GET", `/api/v1/conversations/${conversationId}`, "admin")).json();
  const res = await call("GET", `/api/v1/customers/${c.customer_id}/timeline?limit=100`, "admin");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<{
    type: string;
    data: Record<string, unknown> | null;
    conversation_id: string | null;
  }>;
};

describe("a transfer", () => {
  it("stays pending with the holder accountable, then accepted makes the receiver the assignee", async () => {
    const id = await adasConversation("pending@example.com");
    const asked = await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to: bea.id,
      reason: "Bea knows this customer's contract",
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      conversation_id: id,
      from_id: desk.users.advisor.id,
      to_id: bea.id,
      reason: "Bea knows this customer's contract",
      status: "pending",
    });
    // Still Ada's, still on her watch, not yet on Bea's.
    const before = (await call("GET", `/api/v1/conversations/${id}`, "advisor")).json();
    expect(before.assignee_id).toBe(desk.users.advisor.id);
    expect(await unansweredIds("advisor")).toContain(id);
    expect(await unansweredIds(bea.headers)).not.toContain(id);
    // Bea sees it among her transfers to accept.
    const waiting = await call("GET", "/api/v1/transfers?to=me&status=pending", bea.headers);
    expect(waiting.json().items.map((t: { id: string }) => t.id)).toContain(asked.json().id);

    const accepted = await call("POST", `/api/v1/conversations/${id}/transfer/accept`, bea.headers);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: "accepted", decided_by_id: bea.id });
    const after = (await call("GET", `/api/v1/conversations/${id}`, bea.headers)).json();
    expect(after.assignee_id).toBe(bea.id);
    expect(await unansweredIds(bea.headers)).toContain(id);
    expect(await unansweredIds("advisor")).not.toContain(id);
    const pendingNow = await call("GET", "/api/v1/transfers?to=me&status=pending", bea.headers);
    expect(pendingNow.json().items).toEqual([]);

    const types = (await timelineTypes(id))
      .filter((e) => e.conversation_id === id)
      .map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(["conversation.transfer_requested", "conversation.transfer_accepted"]),
    );
  });

  it("declined with a reason, stays with its holder and says why", async () => {
    const id = await adasConversation("declined@example.com");
    await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to: bea.id,
      reason: "Holidays",
    });
    const noReason = await call(
      "POST",
      `/api/v1/conversations/${id}/transfer/decline`,
      bea.headers,
      {},
    );
    expect(noReason.statusCode).toBe(400);
    const declined = await call(
      "POST",
      `/api/v1/conversations/${id}/transfer/decline`,
      bea.headers,
      {
        reason: "I do not handle refunds",
      },
    );
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      status: "declined",
      decision_reason: "I do not handle refunds",
    });
    expect((await call("GET", `/api/v1/conversations/${id}`, "advisor")).json().assignee_id).toBe(
      desk.users.advisor.id,
    );
    const entry = (await timelineTypes(id)).find(
      (e) => e.type === "conversation.transfer_declined",
    );
    expect(entry?.data).toMatchObject({ reason: "I do not handle refunds", to_id: bea.id });
    const history = await call("GET", `/api/v1/conversations/${id}/transfers`, "advisor");
    expect(history.json().items.map((t: { status: string }) => t.status)).toEqual(["declined"]);
  });

  it("may be cancelled by the one who asked, not by the receiver", async () => {
    const id = await adasConversation("cancelled@example.com");
    await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to: bea.id,
      reason: "Busy",
    });
    expect(
      (await call("DELETE", `/api/v1/conversations/${id}/transfer`, bea.headers)).statusCode,
    ).toBe(403);
    const cancelled = await call("DELETE", `/api/v1/conversations/${id}/transfer`, "advisor");
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe("cancelled");
  });
});

describe("the rules of a transfer over the API", () => {
  it("refuses a second pending transfer (409) and changes nothing", async () => {
    const id = await adasConversation("twice@example.com");
    const first = await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to: bea.id,
      reason: "One",
    });
    expect(first.statusCode).toBe(201);
    const second = await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to: cal.id,
      reason: "Two",
    });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().code).toBe("conflict");
    const history = (await call("GET", `/api/v1/conversations/${id}/transfers`, "advisor")).json()
      .items;
    expect(history.map((t: { to_id: string }) => t.to_id)).toEqual([bea.id]);
  });

  it("refuses an advisor who does not hold it (403) and a stranger's answer (403)", async () => {
    const id = await adasConversation("notyours@example.com");
    const byCal = await call("POST", `/api/v1/conversations/${id}/transfer`, cal.headers, {
      to: bea.id,
      reason: "Mine?",
    });
    expect(byCal.statusCode, byCal.body).toBe(403);
    await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to: bea.id,
      reason: "Yours",
    });
    const acceptedByCal = await call(
      "POST",
      `/api/v1/conversations/${id}/transfer/accept`,
      cal.headers,
    );
    expect(acceptedByCal.statusCode).toBe(403);
    const acceptedBySender = await call(
      "POST",
      `/api/v1/conversations/${id}/transfer/accept`,
      "advisor",
    );
    expect(acceptedBySender.statusCode).toBe(403);
    // A manager may decide for the receiver.
    const byManager = await call("POST", `/api/v1/conversations/${id}/transfer/accept`, "manager");
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect((await call("GET", `/api/v1/conversations/${id}`, "advisor")).json().assignee_id).toBe(
      bea.id,
    );
  });

  it("answers 409 to accepting when nothing waits, 400 to bad input", async () => {
    const id = await adasConversation("nothing@example.com");
    expect(
      (await call("POST", `/api/v1/conversations/${id}/transfer/accept`, bea.headers)).statusCode,
    ).toBe(409);
    const missingReason = await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to: bea.id,
    });
    expect(missingReason.statusCode).toBe(400);
    const unknownField = await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to: bea.id,
      reason: "x",
      extra: 1,
    });
    expect(unknownField.statusCode).toBe(400);
    const nobody = await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to: "0190a1b2-0000-7000-8000-0000000000ff",
      reason: "Nobody",
    });
    expect(nobody.statusCode).toBe(400);
    expect(
      (await call("GET", `/api/v1/conversations/${id}/transfers`, "advisor")).json().items,
    ).toEqual([]);
  });

  it("is not found from another workspace", async () => {
    const id = await adasConversation("elsewhere@example.com");
    const db = desk.booted.rt.db;
    const other = "0190a1b2-0000-7000-8000-00000000af01";
    await db.insert(workspaces).values({ id: other, name: "Elsewhere" });
    await db.insert(brands).values({
      workspaceId: other,
      id: "0190a1b2-0000-7000-8000-00000000af02",
      name: "Theirs",
      slug: "theirs",
      addresses: ["theirs@elsewhere.test"],
    });
    const { token } = await createToken(
      desk.booted.rt,
      { workspaceId: other, name: "theirs", role: "admin" },
      systemActor,
    );
    const theirs = { authorization: `Bearer ${token}` };
    const asked = await call("POST", `/api/v1/conversations/${id}/transfer`, theirs, {
      to: bea.id,
      reason: "x",
    });
    expect(asked.statusCode).toBe(404);
    expect((await call("GET", `/api/v1/conversations/${id}/transfers`, theirs)).statusCode).toBe(
      404,
    );
    expect(
      (await call("POST", `/api/v1/conversations/${id}/transfer/accept`, theirs)).statusCode,
    ).toBe(404);
  });

  it("replays the same answer for the same Idempotency-Key, and refuses it with another body", async () => {
    const id = await adasConversation("idempotent@example.com");
    const body = { to: bea.id, reason: "Same request twice" };
    const first = await call(
      "POST",
      `/api/v1/conversations/${id}/transfer`,
      "advisor",
      body,
      "transfer-1",
    );
    const again = await call(
      "POST",
      `/api/v1/conversations/${id}/transfer`,
      "advisor",
      body,
      "transfer-1",
    );
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await call(
      "POST",
      `/api/v1/conversations/${id}/transfer`,
      "advisor",
      { ...body, reason: "Other" },
      "transfer-1",
    );
    expect(other.statusCode).toBe(422);
    expect(
      (await call("GET", `/api/v1/conversations/${id}/transfers`, "advisor")).json().items,
    ).toHaveLength(1);
    const accept = await call(
      "POST",
      `/api/v1/conversations/${id}/transfer/accept`,
      bea.headers,
      undefined,
      "accept-1",
    );
    const acceptAgain = await call(
      "POST",
      `/api/v1/conversations/${id}/transfer/accept`,
      bea.headers,
      undefined,
      "accept-1",
    );
    expect(accept.statusCode, accept.body).toBe(200);
    expect(acceptAgain.statusCode, acceptAgain.body).toBe(200);
    expect(acceptAgain.json().id).toBe(accept.json().id);
  });
});

describe("a conversation passed from hand to hand", () => {
  it("tells the team's manager at the third transfer, not before", async () => {
    const team = await call("POST", "/api/v1/teams", "admin", {
      name: "Parcels",
      manager_id: desk.users.manager.id,
      member_ids: [desk.users.advisor.id, bea.id, cal.id],
    });
    expect(team.statusCode, team.body).toBe(201);
    const id = await adasConversation("bounced@example.com");
    const managerTransferNotices = async () =>
      (
        (await call("GET", "/api/v1/notifications?limit=100", "manager")).json().items as Array<{
          kind: string;
          conversation_id: string | null;
        }>
      ).filter((n) => n.kind === "transfer.repeated" && n.conversation_id === id);

    const hop = async (from: Who, to: string) => {
      const asked = await call("POST", `/api/v1/conversations/${id}/transfer`, from, {
        to,
        reason: "Not mine",
      });
      expect(asked.statusCode, asked.body).toBe(201);
      const receiver = to === bea.id ? bea.headers : to === cal.id ? cal.headers : "advisor";
      expect(
        (await call("POST", `/api/v1/conversations/${id}/transfer/accept`, receiver)).statusCode,
      ).toBe(200);
    };
    await hop("advisor", bea.id);
    await hop(bea.headers, cal.id);
    expect(await managerTransferNotices()).toEqual([]);
    await hop(cal.headers, desk.users.advisor.id);
    expect(await managerTransferNotices()).toHaveLength(1);
    const third = (await timelineTypes(id)).filter(
      (e) => e.type === "conversation.transfer_requested",
    );
    expect(third.map((e) => e.data?.count)).toEqual(expect.arrayContaining([1, 2, 3]));
  });
});

describe("the count of transfers to accept (the header's badge)", () => {
  async function count(url: string, who: Who) {
    const res = await call("GET", url, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { count: number; more: boolean };
  }

  async function askedOf(to: string, email: string) {
    const id = await adasConversation(email);
    const asked = await call("POST", `/api/v1/conversations/${id}/transfer`, "advisor", {
      to,
      reason: "You know this carrier",
    });
    expect(asked.statusCode, asked.body).toBe(201);
    return id;
  }

  it("counts the pending transfers to me, the same the list shows, and drops one once accepted", async () => {
    const dee = await addAdvisor(desk, "Dee Deputy", "dee@desk.test");
    const eve = await addAdvisor(desk, "Eve Evening", "eve@desk.test");
    const mine = "/api/v1/transfers/count?to=me&status=pending";
    expect(await count(mine, dee.headers)).toEqual({ count: 0, more: false });
    const fromAda = (await count("/api/v1/transfers/count?from=me", "advisor")).count;
    const first = await askedOf(dee.id, "count-1@example.com");
    await askedOf(dee.id, "count-2@example.com");
    await askedOf(eve.id, "count-3@example.com");
    expect(await count(mine, dee.headers)).toEqual({ count: 2, more: false });
    expect(await count(mine, eve.headers)).toEqual({ count: 1, more: false });
    const listed = await call("GET", "/api/v1/transfers?to=me&status=pending", dee.headers);
    expect(listed.json().items).toHaveLength(2);
    expect((await count("/api/v1/transfers/count?from=me", "advisor")).count).toBe(fromAda + 3);

    const accepted = await call(
      "POST",
      `/api/v1/conversations/${first}/transfer/accept`,
      dee.headers,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await count(mine, dee.headers)).toEqual({ count: 1, more: false });
    expect(await count("/api/v1/transfers/count?to=me&status=accepted", dee.headers)).toEqual({
      count: 1,
      more: false,
    });
    // Another workspace counts nothing of this one's, even given this one's user.
    const other = await startDesk();
    try {
      const theirs = await other.app.inject({
        method: "GET",
        url: `/api/v1/transfers/count?to=${dee.id}`,
        headers: other.as("admin"),
      });
      expect(theirs.json()).toEqual({ count: 0, more: false });
    } finally {
      await other.close();
    }
  });

  it("refuses a bad filter with 400", async () => {
    for (const url of [
      "/api/v1/transfers/count?status=lost",
      "/api/v1/transfers/count?to=someone",
      "/api/v1/transfers/count?limit=5",
    ]) {
      expect((await call("GET", url, "advisor")).statusCode, url).toBe(400);
    }
  });
});
