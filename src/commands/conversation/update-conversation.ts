// Changes a conversation's status, priority, assignee or team; no silent close (docs/CONTRACT.md §6).
import { and, eq } from "drizzle-orm";
import type {
  CloseReason,
  ConversationStatus,
  Priority,
} from "../../domain/conversation/status.ts";
import { decideStatusChange } from "../../domain/conversation/transitions.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import type { Tx } from "../../store/database.ts";
import { conversations, teams, users } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { runCommand } from "../run-command.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockConversation } from "./load.ts";
import { refreshAnswerState } from "./refresh-answer-state.ts";

export type ConversationPatch = {
  status?: ConversationStatus;
  priority?: Priority;
  assigneeId?: string | null;
  teamId?: string | null;
  closeReason?: CloseReason | null;
};

async function mustExist(
  tx: Tx,
  workspaceId: string,
  table: typeof users | typeof teams,
  id: string,
  what: string,
) {
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, id)));
  if (!row) throw new DeskError("invalid_input", `no ${what} with the id ${id}`);
}

export async function changeConversation(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: ConversationPatch },
) {
  const { tx, now } = uow;
  const before = await lockConversation(tx, p.workspaceId, id);
  const to = patch.status ?? before.status;
  const finishing = to === "resolved" || to === "closed";
  const closeReason =
    patch.closeReason !== undefined ? patch.closeReason : finishing ? before.closeReason : null;
  if (patch.status !== undefined || patch.closeReason !== undefined) {
    const decision = decideStatusChange({
      from: before.status,
      to,
      answered: before.answered,
      closeReason,
    });
    if (!decision.ok) {
      const code =
        decision.code === "close_reason_not_applicable" ? "invalid_input" : decision.code;
      throw new DeskError(code, decision.message);
    }
  }
  if (patch.assigneeId) await mustExist(tx, p.workspaceId, users, patch.assigneeId, "user");
  if (patch.teamId) await mustExist(tx, p.workspaceId, teams, patch.teamId, "team");
  const changes = {
    status: to,
    priority: patch.priority ?? before.priority,
    assigneeId: patch.assigneeId !== undefined ? patch.assigneeId : before.assigneeId,
    teamId: patch.teamId !== undefined ? patch.teamId : before.teamId,
    closeReason: finishing ? closeReason : null,
    resolvedAt:
      to === "resolved"
        ? before.status === "resolved"
          ? before.resolvedAt
          : now
        : before.resolvedAt,
    closedAt: to === "closed" ? (before.closedAt ?? now) : null,
  };
  if (!finishing) changes.resolvedAt = null;
  const [changed] = await tx
    .update(conversations)
    .set({ ...changes, lastActivityAt: now, updatedAt: now })
    .where(and(eq(conversations.workspaceId, p.workspaceId), eq(conversations.id, id)))
    .returning();
  if (!changed) throw new Error("the conversation vanished");
  const after = await refreshAnswerState(tx, changed, now);
  // Closing as spam is a spam mark by another name: the model learns it (a job).
  if (after.closeReason === "spam" && before.closeReason !== "spam") {
    await uow.enqueue("learn-spam-lessons", {
      workspaceId: p.workspaceId,
      conversationId: id,
      mark: "spam",
    });
  }
  const fields = ["status", "priority", "assigneeId", "teamId", "closeReason"] as const;
  const diff = fields.filter((f) => before[f] !== after[f]);
  if (diff.length > 0) {
    await uow.record({
      type: "conversation.updated",
      conversationId: id,
      customerId: before.customerId,
      before: Object.fromEntries(diff.map((f) => [f, before[f]])),
      after: Object.fromEntries(diff.map((f) => [f, after[f]])),
    });
  }
  return after;
}

/** The same use case in its own transaction, for callers outside HTTP (the demo, tests). */
export function updateConversation(
  rt: Runtime,
  p: Principal,
  id: string,
  patch: ConversationPatch,
) {
  return runCommand(rt, changeConversation, p, { id, patch });
}
