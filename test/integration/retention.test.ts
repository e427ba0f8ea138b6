// The retention of closed conversations: off by default, a workspace setting, and a sweep that erases
// the words of those closed longer ago than the period while their rows keep the charter's figures.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepRetention } from "../../src/jobs/retention-sweep.ts";
import { conversations, events, messages } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

const day = 86_400_000;

async function closedConversation(body: string, closedDaysAgo: number) {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: {
      channel: "form",
      from: { email: "lea@example.fr", name: "Léa Roux" },
      subject: body,
      body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const { conversation_id: id } = res.json();
  const closed = await desk.app.inject({
    method: "PATCH",
    url: `/api/v1/conversations/${id}`,
    headers: desk.as("advisor"),
    payload: { status: "closed", close_reason: "nothing_to_answer" },
  });
  expect(closed.statusCode, closed.body).toBe(200);
  // The conversation was closed that long ago.
  await desk.booted.rt.db
    .update(conversations)
    .set({ closedAt: new Date(Date.now() - closedDaysAgo * day) })
    .where(eq(conversations.id, id));
  return id as string;
}

/** The bodies of a conversation's messages: the customer's, or all (the acknowledgement too). */
const bodiesOf = async (id: string, which: "customer" | "all" = "customer") =>
  (
    await desk.booted.rt.db
      .select({ body: messages.bodyText })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, id),
          which === "customer" ? eq(messages.direction, "inbound") : undefined,
        ),
      )
  ).map((m) => m.body);

const setRetention = (days: number | null) =>
  desk.app.inject({
    method: "PATCH",
    url: "/api/v1/workspace",
    headers: desk.as("admin"),
    payload: { closed_retention_days: days },
  });

describe("retention of closed conversations", () => {
  it("is off by default, and the sweep then keeps every closed conversation", async () => {
    const workspace = await desk.app.inject({
      url: "/api/v1/workspace",
      headers: desk.as("advisor"),
    });
    expect(workspace.json()).toMatchObject({ closed_retention_days: null });
    const old = await closedConversation("An old question about hinges", 400);
    expect(await sweepRetention(desk.booted.rt)).toBe(0);
    expect(await bodiesOf(old)).toEqual(["An old question about hinges"]);
  });

  it("is set by admins only, within bounds", async () => {
    const advisor = await desk.app.inject({
      method: "PATCH",
      url: "/api/v1/workspace",
      headers: desk.as("advisor"),
      payload: { closed_retention_days: 30 },
    });
    expect(advisor.statusCode).toBe(403);
    expect((await setRetention(0)).statusCode).toBe(400);
    expect((await setRetention(30)).json()).toMatchObject({ closed_retention_days: 30 });
  });

  it("records who changed what, and nothing when a change changes nothing", async () => {
    const changes = () =>
      desk.booted.rt.db
        .select()
        .from(events)
        .where(and(eq(events.workspaceId, desk.workspaceId), eq(events.type, "workspace.updated")));
    const already = (await changes()).length;
    expect((await setRetention(45)).statusCode).toBe(200);
    expect((await setRetention(45)).statusCode).toBe(200);
    const recorded = (await changes()).slice(already);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      before: { closedRetentionDays: 30 },
      after: { closedRetentionDays: 45 },
    });
    expect(recorded[0]?.actorKind).toBe("user");
    expect((await setRetention(30)).statusCode).toBe(200);
  });

  it("erases the closed conversations older than the period and keeps the others", async () => {
    const recent = await closedConversation("A recent question about hinges", 10);
    expect((await setRetention(30)).statusCode).toBe(200);
    const swept = await sweepRetention(desk.booted.rt);
    expect(swept).toBe(1); // the 400-day-old one of the first test
    expect(await sweepRetention(desk.booted.rt)).toBe(0);
    expect(await bodiesOf(recent)).toEqual(["A recent question about hinges"]);
    const [erased] = await desk.booted.rt.db
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.workspaceId, desk.workspaceId),
          sql`${conversations.flags} ? 'erased'`,
        ),
      );
    expect(erased).toMatchObject({
      subject: "",
      status: "closed",
      closeReason: "nothing_to_answer",
    });
    // The customer's words and the acknowledgement that answered them are both blanked.
    const left = await bodiesOf(erased?.id ?? "", "all");
    expect(left.length).toBeGreaterThanOrEqual(2);
    expect(new Set(left)).toEqual(new Set([""]));
    const trail = await desk.booted.rt.db
      .select({ type: events.type, data: events.data, before: events.before })
      .from(events)
      .where(eq(events.conversationId, erased?.id ?? ""));
    expect(trail.map((e) => e.type)).toContain("conversation.erased");
    expect(JSON.stringify(trail)).not.toContain("hinges");
    // Back off: nothing more is erased.
    expect((await setRetention(null)).json()).toMatchObject({ closed_retention_days: null });
    await desk.booted.rt.db
      .update(conversations)
      .set({ closedAt: new Date(Date.now() - 400 * day) })
      .where(eq(conversations.id, recent));
    expect(await sweepRetention(desk.booted.rt)).toBe(0);
  });
});
