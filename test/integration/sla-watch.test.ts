// The unanswered watch: due times stored at intake, alerts raised by the sweep at 75 %, 90 % and
// 100 % to the assignee and the team's manager, each once, and nothing once answered.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeResolved } from "../../src/jobs/auto-close.ts";
import { sweepSla } from "../../src/jobs/sla-sweep.ts";
import type { Runtime } from "../../src/runtime.ts";
import {
  conversations,
  events,
  notifications,
  teamMembers,
  teams,
} from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let rt: Runtime;
beforeAll(async () => {
  desk = await startDesk();
  rt = desk.booted.rt;
  const teamId = rt.newId();
  await rt.db.insert(teams).values({
    workspaceId: desk.workspaceId,
    id: teamId,
    name: "Front",
    managerId: desk.users.manager.id,
  });
  await rt.db
    .insert(teamMembers)
    .values({ workspaceId: desk.workspaceId, teamId, userId: desk.users.advisor.id });
});
afterAll(() => desk?.close());

const at = (iso: string): Runtime => ({ ...rt, now: () => new Date(iso) });

async function conversation(id: string) {
  const [row] = await rt.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, desk.workspaceId), eq(conversations.id, id)));
  if (!row) throw new Error("missing");
  return row;
}

async function newConversation(email: string, when: string) {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: { channel: "form", from: { email }, subject: "Late parcel", body: "Where is it?" },
  });
  const id = res.json().conversation_id as string;
  // Pretend the message arrived on Monday 23 November 2026 at 09:00 Paris and re-arm the clock.
  await rt.db
    .update(conversations)
    .set({ assigneeId: desk.users.advisor.id })
    .where(eq(conversations.id, id));
  const { refreshAnswerState } = await import(
    "../../src/commands/conversation/refresh-answer-state.ts"
  );
  await rt.db.transaction(async (tx) => {
    const { messages } = await import("../../src/store/schema/index.ts");
    await tx
      .update(messages)
      .set({ createdAt: new Date(when) })
      .where(eq(messages.conversationId, id));
    await tx
      .update(conversations)
      .set({ createdAt: new Date(when), awaitingSince: null })
      .where(eq(conversations.id, id));
    const [moved] = await tx.select().from(conversations).where(eq(conversations.id, id));
    if (!moved) throw new Error("missing");
    await refreshAnswerState(tx, moved, new Date(when));
  });
  return id;
}

describe("the unanswered watch", () => {
  it("stores the first-response due time in business hours and the first alert instant", async () => {
    const id = await newConversation("late@example.com", "2026-11-23T08:00:00Z");
    const c = await conversation(id);
    expect(c.firstResponseDueAt).toEqual(new Date("2026-11-23T12:00:00Z"));
    expect(c.promisedFirstResponseAt).toEqual(new Date("2026-11-23T12:00:00Z"));
    expect(c.slaNextAlertAt).toEqual(new Date("2026-11-23T11:00:00Z"));
  });

  it("warns the assignee, then the manager, then records the breach, each once", async () => {
    const id = await newConversation("watch@example.com", "2026-11-23T08:00:00Z");
    await sweepSla(at("2026-11-23T10:59:00Z"));
    expect(await alertsOf(id)).toEqual([]);
    await sweepSla(at("2026-11-23T11:01:00Z"));
    expect(await alertsOf(id)).toEqual(["warn_assignee"]);
    await sweepSla(at("2026-11-23T11:40:00Z"));
    await sweepSla(at("2026-11-23T11:41:00Z"));
    expect(await alertsOf(id)).toEqual(["warn_assignee", "warn_manager"]);
    await sweepSla(at("2026-11-23T12:05:00Z"));
    expect(await alertsOf(id)).toEqual(["warn_assignee", "warn_manager", "breach"]);
    const sent = await rt.db
      .select()
      .from(notifications)
      .where(eq(notifications.conversationId, id));
    expect(sent.map((n) => [n.kind, n.userId])).toEqual([
      ["sla.warn_assignee", desk.users.advisor.id],
      ["sla.warn_manager", desk.users.manager.id],
      ["sla.breach", desk.users.manager.id],
    ]);
    expect((await conversation(id)).slaNextAlertAt).toBeNull();
  });

  it("raises nothing for a conversation waiting on the customer", async () => {
    const id = await newConversation("paused@example.com", "2026-11-23T08:00:00Z");
    const res = await desk.app.inject({
      method: "PATCH",
      url: `/api/v1/conversations/${id}`,
      headers: desk.as("advisor"),
      payload: { status: "waiting_customer" },
    });
    expect(res.statusCode).toBe(200);
    expect((await conversation(id)).slaNextAlertAt).toBeNull();
    await sweepSla(at("2026-11-24T12:00:00Z"));
    expect(await alertsOf(id)).toEqual([]);
  });

  it("pauses the resolution clock while waiting on the customer, whoever ends the wait", async () => {
    const { refreshAnswerState } = await import(
      "../../src/commands/conversation/refresh-answer-state.ts"
    );
    const { receiveMessage } = await import("../../src/intake/receive.ts");
    const statusAt = (id: string, status: "waiting_customer" | "open", iso: string) =>
      rt.db.transaction(async (tx) => {
        await refreshAnswerState(tx, await conversation(id), new Date(iso), { status });
      });
    const { calendarOf } = await import("../../src/commands/conversation/clocks.ts");
    const { addBusinessMinutes } = await import("../../src/domain/sla/business-hours.ts");
    const { brands } = await import("../../src/store/schema/index.ts");

    // Opened Monday 23 November 09:00 Paris.
    const byAdvisor = await newConversation("pause-a@example.com", "2026-11-23T08:00:00Z");
    const unpaused = (await conversation(byAdvisor)).resolutionDueAt as Date;
    const [brand] = await rt.db
      .select()
      .from(brands)
      .where(eq(brands.id, (await conversation(byAdvisor)).brandId));
    const calendar = await rt.db.transaction((tx) =>
      calendarOf(tx, brand as typeof brands.$inferSelect),
    );
    // Waiting on the customer from Monday 11:00 to Tuesday 11:00 Paris: 9 business hours.
    const paused = addBusinessMinutes(calendar, unpaused, 9 * 60);
    await statusAt(byAdvisor, "waiting_customer", "2026-11-23T10:00:00Z");
    expect((await conversation(byAdvisor)).resolutionDueAt).toBeNull();
    await statusAt(byAdvisor, "open", "2026-11-24T10:00:00Z");
    expect((await conversation(byAdvisor)).resolutionDueAt).toEqual(paused);

    // The same wait ended by the customer's own message, through the intake.
    const byCustomer = await newConversation("pause-b@example.com", "2026-11-23T08:00:00Z");
    await statusAt(byCustomer, "waiting_customer", "2026-11-23T10:00:00Z");
    const c = await conversation(byCustomer);
    await receiveMessage(
      { ...rt, now: () => new Date("2026-11-24T10:00:00Z") },
      {
        workspaceId: desk.workspaceId,
        channel: "form",
        from: { email: "pause-b@example.com" },
        bodyText: "Here is the photo you asked for.",
        thread: { conversationId: c.id },
      },
    );
    const after = await conversation(byCustomer);
    expect(after.status).toBe("open");
    expect(after.resolutionDueAt).toEqual(paused);
  });

  it("closes a conversation seven days after it was resolved", async () => {
    const id = await newConversation("done@example.com", "2026-11-23T08:00:00Z");
    await desk.app.inject({
      method: "PATCH",
      url: `/api/v1/conversations/${id}`,
      headers: desk.as("advisor"),
      payload: { status: "resolved", close_reason: "nothing_to_answer" },
    });
    const resolvedAt = (await conversation(id)).resolvedAt as Date;
    await closeResolved({ ...rt, now: () => new Date(resolvedAt.getTime() + 6 * 86_400_000) });
    expect((await conversation(id)).status).toBe("resolved");
    await closeResolved({
      ...rt,
      now: () => new Date(resolvedAt.getTime() + 7 * 86_400_000 + 60_000),
    });
    expect((await conversation(id)).status).toBe("closed");
  });
});

async function alertsOf(id: string): Promise<string[]> {
  const rows = await rt.db.select().from(events).where(eq(events.conversationId, id));
  return rows
    .filter((e) => e.type === "sla.warning" || e.type === "sla.breached")
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((e) => (e.data as { kind: string }).kind);
}
