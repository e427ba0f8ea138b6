// The unanswered watch and the lists through the API: one owed-an-answer rule, snoozes that leave the
// active views but not the watch, tags, changes to a selection reported item by item, view counts
// and what a row shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepSla } from "../../src/jobs/sla-sweep.ts";
import { startWorkers, type Workers } from "../../src/jobs/workers.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let workers: Workers;

beforeAll(async () => {
  desk = await startDesk();
  workers = await startWorkers(desk.booted.rt);
});
afterAll(async () => {
  await workers?.stop();
  await desk?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
type Answer = { status: number; body: any };

async function call(method: string, url: string, payload?: object): Promise<Answer> {
  const res = await desk.app.inject({
    method: method as "GET",
    url,
    headers: desk.as("advisor"),
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.json() };
}
async function ok(method: string, url: string, payload?: object) {
  const res = await call(method, url, payload);
  expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

async function eventually<T>(probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

let mails = 0;
async function customerWrites(body: string, conversationId?: string): Promise<string> {
  mails += 1;
  const answer = await ok("POST", "/api/v1/messages/inbound", {
    channel: "form",
    from: { email: conversationId ? "ines@example.com" : `c${mails}@example.com`, name: "Inès" },
    subject: `Question ${mails}`,
    body,
    ...(conversationId ? { conversation_id: conversationId } : {}),
  });
  return answer.conversation_id;
}

async function replyAndWaitSent(id: string) {
  await ok("POST", `/api/v1/conversations/${id}/messages`, {
    kind: "reply",
    body: "Here you are.",
  });
  return eventually(async () => {
    const c = await ok("GET", `/api/v1/conversations/${id}`);
    return c.owed_answer ? null : c;
  });
}

const ids = (page: { items: Array<{ id: string }> }) => page.items.map((i) => i.id);

describe("owed an answer", () => {
  it("is one rule: after a reply, a customer's new message is owed again everywhere", async () => {
    mails += 1;
    const first = await ok("POST", "/api/v1/messages/inbound", {
      channel: "form",
      from: { email: "ines@example.com", name: "Inès" },
      subject: "Two questions",
      body: "First question.",
    });
    const id = first.conversation_id;
    expect((await ok("GET", `/api/v1/conversations/${id}`)).owed_answer).toBe(true);
    const answered = await replyAndWaitSent(id);
    expect(answered).toMatchObject({ answered: true, owed_answer: false });
    expect(ids(await ok("GET", "/api/v1/unanswered"))).not.toContain(id);

    await customerWrites("And a second one.", id);
    const c = await ok("GET", `/api/v1/conversations/${id}`);
    expect(c).toMatchObject({ answered: true, owed_answer: true });
    const watch = await ok("GET", "/api/v1/unanswered");
    expect(watch.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      owed_answer: true,
      preview: "And a second one.",
    });
    const row = (await ok("GET", "/api/v1/conversations")).items.find(
      (i: { id: string }) => i.id === id,
    );
    expect(row.owed_answer).toBe(true);
  });

  it("is not owed by spam, and the rule holds for every listed row", async () => {
    const id = await customerWrites("Buy cheap watches");
    await ok("POST", `/api/v1/conversations/${id}/spam`, { spam: true });
    expect((await ok("GET", `/api/v1/conversations/${id}`)).owed_answer).toBe(false);
    const watch = await ok("GET", "/api/v1/unanswered?limit=100");
    expect(watch.items.every((i: { owed_answer: boolean }) => i.owed_answer)).toBe(true);
    expect(ids(watch)).not.toContain(id);
  });
});

describe("rows", () => {
  it("show the assignee, the team, the last message and whom it was escalated to", async () => {
    const id = await customerWrites(`  My   order\n\n${"is late ".repeat(40)}`);
    await ok("PATCH", `/api/v1/conversations/${id}`, { assignee_id: desk.users.advisor.id });
    const { rt } = desk.booted;
    // A team with its named manager, whom the sweep warns before the breach.
    const team = await desk.app.inject({
      method: "POST",
      url: "/api/v1/teams",
      headers: desk.as("admin"),
      payload: { name: "Care", manager_id: desk.users.manager.id, member_ids: [] },
    });
    expect(team.statusCode, team.body).toBe(201);
    await ok("PATCH", `/api/v1/conversations/${id}`, { team_id: team.json().id });
    // A month on, every alert of the first response is due.
    await sweepSla({ ...rt, now: () => new Date(Date.now() + 30 * 86_400_000) });
    const row = (await ok("GET", "/api/v1/conversations")).items.find(
      (i: { id: string }) => i.id === id,
    );
    expect(row.assignee).toEqual({ id: desk.users.advisor.id, name: "Ada Advisor" });
    expect(row.team).toEqual({ id: team.json().id, name: "Care" });
    expect(row.escalated_to).toEqual({ id: desk.users.manager.id, name: "Max Manager" });
    expect(row.preview.startsWith("My order is late is late")).toBe(true);
    expect(row.preview.length).toBeLessThanOrEqual(141);
    expect(row.preview.endsWith("…")).toBe(true);
    const timeline = await ok("GET", `/api/v1/customers/${row.customer_id}/timeline`);
    expect(JSON.stringify(timeline)).toContain('"recipient_name":"Max Manager"');
  });
});

describe("snooze", () => {
  it("leaves the active views until its date, stays in the watch, and ends when the customer writes", async () => {
    const id = await customerWrites("Call me back next week");
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const snoozed = await ok("POST", `/api/v1/conversations/${id}/snooze`, { until });
    expect(snoozed.snoozed_until).toBe(until);
    expect(snoozed.owed_answer).toBe(true);
    expect(ids(await ok("GET", "/api/v1/conversations?snoozed=false&limit=100"))).not.toContain(id);
    expect(ids(await ok("GET", "/api/v1/conversations?snoozed=true"))).toContain(id);
    expect(ids(await ok("GET", "/api/v1/unanswered?limit=100"))).toContain(id);

    // The customer writes into it before the date.
    await ok("POST", "/api/v1/messages/inbound", {
      channel: "form",
      from: { email: `c${mails}@example.com` },
      body: "Actually, today please.",
      conversation_id: id,
    });
    const woken = await ok("GET", `/api/v1/conversations/${id}`);
    expect(woken.snoozed_until).toBeNull();
    expect(ids(await ok("GET", "/api/v1/conversations?snoozed=false&limit=100"))).toContain(id);
  });

  it("is woken by DELETE, refused in the past or on a closed conversation, and recorded", async () => {
    const id = await customerWrites("Snooze me");
    const past = await call("POST", `/api/v1/conversations/${id}/snooze`, {
      until: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe("invalid_input");
    await ok("POST", `/api/v1/conversations/${id}/snooze`, {
      until: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const woken = await ok("DELETE", `/api/v1/conversations/${id}/snooze`);
    expect(woken.snoozed_until).toBeNull();
    await ok("PATCH", `/api/v1/conversations/${id}`, {
      status: "closed",
      close_reason: "nothing_to_answer",
    });
    const closed = await call("POST", `/api/v1/conversations/${id}/snooze`, {
      until: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(closed.status).toBe(409);
    const timeline = await ok("GET", `/api/v1/customers/${woken.customer_id}/timeline`);
    const types = JSON.stringify(timeline);
    expect(types).toContain("conversation.snoozed");
    expect(types).toContain("conversation.unsnoozed");
  });
});

describe("tags", () => {
  it("are normalised, capped, filterable and shown on rows", async () => {
    const id = await customerWrites("Refund please");
    const tagged = await ok("PATCH", `/api/v1/conversations/${id}`, {
      tags: [" Refund", "#VIP customer", "refund"],
    });
    expect(tagged.tags).toEqual(["refund", "vip-customer"]);
    const filtered = await ok("GET", "/api/v1/conversations?tag=VIP%20Customer");
    expect(ids(filtered)).toEqual([id]);
    expect(filtered.items[0].tags).toEqual(["refund", "vip-customer"]);
    const tooMany = await call("PATCH", `/api/v1/conversations/${id}`, {
      tags: Array.from({ length: 11 }, (_, i) => `t${i}`),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe("invalid_input");
    expect((await ok("GET", `/api/v1/conversations/${id}`)).tags).toEqual([
      "refund",
      "vip-customer",
    ]);
  });
});

describe("changes to a selection", () => {
  it("assign, tag and close each conversation as one would, reporting each refusal", async () => {
    const a = await customerWrites("One");
    const b = await customerWrites("Two");
    await replyAndWaitSent(a);
    const assigned = await ok("POST", "/api/v1/conversations/changes", {
      ids: [a, b],
      assignee_id: desk.users.advisor.id,
    });
    expect(assigned.items.map((i: { ok: boolean }) => i.ok)).toEqual([true, true]);
    const tagged = await ok("POST", "/api/v1/conversations/changes", {
      ids: [a, b],
      add_tags: ["Billing"],
    });
    expect(
      tagged.items.map((i: { conversation: { tags: string[] } }) => i.conversation.tags),
    ).toEqual([["billing"], ["billing"]]);
    // b has no human answer: closing it without a reason is refused, a is closed all the same.
    const closed = await ok("POST", "/api/v1/conversations/changes", {
      ids: [a, b],
      status: "closed",
    });
    expect(closed.items[0]).toMatchObject({ id: a, ok: true, conversation: { status: "closed" } });
    expect(closed.items[1]).toMatchObject({
      id: b,
      ok: false,
      problem: { code: "close_without_answer", status: 409 },
    });
    expect((await ok("GET", `/api/v1/conversations/${b}`)).status).not.toBe("closed");
    const unknown = await ok("POST", "/api/v1/conversations/changes", {
      ids: ["00000000-0000-7000-8000-000000000000"],
      add_tags: ["x"],
    });
    expect(unknown.items[0]).toMatchObject({ ok: false, problem: { code: "not_found" } });
    const vague = await call("POST", "/api/v1/conversations/changes", {
      ids: [a],
      add_tags: ["x"],
      assignee_id: null,
    });
    expect(vague.status).toBe(400);
  });
});

describe("view counts", () => {
  it("count what each view lists", async () => {
    const { counts, more } = await ok("GET", "/api/v1/conversations/counts");
    const listed = async (url: string) => {
      const page = await ok("GET", `${url}${url.includes("?") ? "&" : "?"}limit=100`);
      expect(page.next_cursor).toBeNull();
      return page.items.length;
    };
    expect(counts.unanswered).toBe(await listed("/api/v1/unanswered"));
    expect(counts.spam).toBe(await listed("/api/v1/conversations?spam=true"));
    expect(counts.snoozed).toBe(await listed("/api/v1/conversations?spam=false&snoozed=true"));
    expect(counts.all).toBe(
      await listed("/api/v1/conversations?spam=false&bulk=false&snoozed=false"),
    );
    expect(counts.resolved).toBe(
      await listed("/api/v1/conversations?status=resolved,closed&spam=false&bulk=false"),
    );
    expect(counts.unanswered).toBeGreaterThan(0);
    expect(more.all).toBe(false);
    const mine = await ok("GET", "/api/v1/conversations/counts?assignee=me");
    expect(mine.counts.all).toBeLessThan(counts.all);
  });
});
