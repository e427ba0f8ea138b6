// Job (every minute, once across nodes): raise the SLA alerts whose time has come — warn the
// assignee, then the team's manager, then record the breach — each an event and a notification.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { runningClock } from "../commands/conversation/clocks.ts";
import { recordEvent, systemActor } from "../commands/events/record-event.ts";
import { dueSlaAlerts, nextSlaAlert, type SlaAlert } from "../domain/sla/alerts.ts";
import type { Runtime } from "../runtime.ts";
import type { Tx } from "../store/database.ts";
import {
  conversations,
  customers,
  notifications,
  teamMembers,
  teams,
  users,
} from "../store/schema/index.ts";

type Conversation = typeof conversations.$inferSelect;

/** The team's named manager: the conversation's team, else a team of the assignee, else any manager. */
export async function managerFor(tx: Tx, c: Conversation): Promise<string | null> {
  const ws = eq(teams.workspaceId, c.workspaceId);
  if (c.teamId) {
    const [team] = await tx
      .select({ managerId: teams.managerId })
      .from(teams)
      .where(and(ws, eq(teams.id, c.teamId)));
    if (team?.managerId) return team.managerId;
  }
  if (c.assigneeId) {
    const [team] = await tx
      .select({ managerId: teams.managerId })
      .from(teamMembers)
      .innerJoin(
        teams,
        and(eq(teams.workspaceId, teamMembers.workspaceId), eq(teams.id, teamMembers.teamId)),
      )
      .where(and(eq(teamMembers.workspaceId, c.workspaceId), eq(teamMembers.userId, c.assigneeId)))
      .limit(1);
    if (team?.managerId) return team.managerId;
  }
  const [anyone] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.workspaceId, c.workspaceId),
        eq(users.active, true),
        inArray(users.role, ["manager", "admin"]),
      ),
    )
    .orderBy(sql`${users.role} = 'admin'`, asc(users.createdAt))
    .limit(1);
  return anyone?.id ?? null;
}

async function assigneeFor(tx: Tx, c: Conversation): Promise<string | null> {
  if (c.assigneeId) return c.assigneeId;
  const [customer] = await tx
    .select({ advisorId: customers.advisorId })
    .from(customers)
    .where(and(eq(customers.workspaceId, c.workspaceId), eq(customers.id, c.customerId)));
  return customer?.advisorId ?? null;
}

/** Raises one alert; answers whom it went to (null: nobody to tell). */
async function raise(rt: Runtime, tx: Tx, c: Conversation, alert: SlaAlert, dueAt: Date | null) {
  const recipient =
    alert.kind === "warn_assignee" ? await assigneeFor(tx, c) : await managerFor(tx, c);
  // The timeline names whom it was escalated to, as they were called then.
  const [named] = recipient
    ? await tx
        .select({ name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, c.workspaceId), eq(users.id, recipient)))
    : [];
  const now = rt.now();
  const data = {
    kind: alert.kind,
    due_at: dueAt?.toISOString() ?? null,
    reference: c.reference,
    subject: c.subject,
  };
  await recordEvent(tx, {
    workspaceId: c.workspaceId,
    id: rt.newId(),
    at: now,
    type: alert.kind === "breach" ? "sla.breached" : "sla.warning",
    actor: systemActor,
    conversationId: c.id,
    customerId: c.customerId,
    data: { ...data, recipient_id: recipient, recipient_name: named?.name ?? null },
  });
  if (!recipient) return null;
  const id = rt.newId();
  await tx.insert(notifications).values({
    workspaceId: c.workspaceId,
    id,
    userId: recipient,
    kind: `sla.${alert.kind}`,
    conversationId: c.id,
    data,
    createdAt: now,
  });
  await rt.queue.send(tx, "notify-user", { workspaceId: c.workspaceId, notificationId: id });
  return recipient;
}

/** Handles the conversations whose next SLA alert is due; returns how many it looked at. */
export async function sweepSla(rt: Runtime, batch = 100): Promise<number> {
  return rt.db.transaction(async (tx) => {
    const now = rt.now();
    const due = await tx
      .select()
      .from(conversations)
      .where(lte(conversations.slaNextAlertAt, now))
      .orderBy(asc(conversations.slaNextAlertAt))
      .limit(batch)
      .for("update", { skipLocked: true });
    for (const c of due) {
      const clock = await runningClock(tx, c);
      const fired = [...c.slaAlerts];
      let escalatedToId = c.escalatedToId;
      for (const alert of dueSlaAlerts({ ...clock, fired }, now)) {
        const recipient = await raise(rt, tx, c, alert, clock.due);
        if (alert.kind === "warn_manager" && recipient) escalatedToId = recipient;
        fired.push(alert.kind);
      }
      const next = nextSlaAlert({ ...clock, fired });
      await tx
        .update(conversations)
        .set({ slaAlerts: fired, slaNextAlertAt: next?.at ?? null, escalatedToId })
        .where(and(eq(conversations.workspaceId, c.workspaceId), eq(conversations.id, c.id)));
    }
    return due.length;
  });
}
