// The conversations a batch of inbound messages touched, already open before it: their new state
// (status, wait, clocks, counts) written in one statement, whatever the batch's size.
import { sql } from "drizzle-orm";
import type { Tx } from "../store/database.ts";
import type { Working } from "./apply-message.ts";
import type { Conversation } from "./thread.ts";

/** Every touched conversation's new state in one statement. */
export async function saveConversations(
  tx: Tx,
  workspaceId: string,
  touched: Working[],
  now: Date,
) {
  if (touched.length === 0) return [];
  const rows = touched.map((w) => ({
    id: w.row.id,
    status: w.status,
    awaiting_since: w.awaitingSince,
    first_response_due_at: w.clock?.firstResponseDueAt ?? null,
    next_response_due_at: w.clock?.nextResponseDueAt ?? null,
    resolution_due_at: w.clock?.resolutionDueAt ?? null,
    paused_since: (w.clock ?? w.row).pausedSince,
    paused_business_minutes: (w.clock ?? w.row).pausedBusinessMinutes,
    sla_alerts: w.clock?.slaAlerts ?? [],
    sla_next_alert_at: w.clock?.slaNextAlertAt ?? null,
    promised_first_response_at: w.clock?.promisedFirstResponseAt ?? null,
    reset: w.reset,
    added: w.added,
    priority: w.raisedTo,
    escalated: w.escalatedTo !== null,
    assignee_id: w.row.assigneeId,
    team_id: w.row.teamId,
    escalated_to_id: w.row.escalatedToId,
  }));
  await tx.execute(sql`
    update conversations c set
      status = v.status,
      priority = coalesce(v.priority, c.priority),
      assignee_id = case when v.escalated then v.assignee_id else c.assignee_id end,
      team_id = case when v.escalated then v.team_id else c.team_id end,
      escalated_to_id = case when v.escalated then v.escalated_to_id else c.escalated_to_id end,
      awaiting_since = v.awaiting_since,
      first_response_due_at = v.first_response_due_at,
      next_response_due_at = v.next_response_due_at,
      resolution_due_at = v.resolution_due_at,
      paused_since = v.paused_since,
      paused_business_minutes = v.paused_business_minutes,
      sla_alerts = v.sla_alerts,
      sla_next_alert_at = v.sla_next_alert_at,
      promised_first_response_at = v.promised_first_response_at,
      resolved_at = case when v.reset then null else c.resolved_at end,
      close_reason = case when v.reset then null else c.close_reason end,
      message_count = c.message_count + v.added,
      last_customer_message_at = ${now},
      last_activity_at = ${now},
      updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      id uuid, status text, awaiting_since timestamptz, first_response_due_at timestamptz,
      next_response_due_at timestamptz, resolution_due_at timestamptz, paused_since timestamptz,
      paused_business_minutes double precision, sla_alerts jsonb,
      sla_next_alert_at timestamptz, promised_first_response_at timestamptz, reset boolean,
      added integer, priority text, escalated boolean, assignee_id uuid, team_id uuid, escalated_to_id uuid)
    where c.workspace_id = ${workspaceId} and c.id = v.id`);
  return touched.map(
    (w): Conversation => ({
      ...w.row,
      status: w.status,
      awaitingSince: w.awaitingSince,
      ...(w.clock ?? {}),
      ...(w.reset ? { resolvedAt: null, closeReason: null } : {}),
      messageCount: w.row.messageCount + w.added,
      lastCustomerMessageAt: now,
      lastActivityAt: now,
      updatedAt: now,
    }),
  );
}
