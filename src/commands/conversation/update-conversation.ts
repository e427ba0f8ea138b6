// Changes a conversation's status, priority, assignee, team or tags; no silent close (docs/CONTRACT.md §6).
import { and, eq } from "drizzle-orm";
import {
  type ConversationPatch,
  changedFields,
  decideConversationChange,
} from "../../domain/conversation/change.ts";
import { decideTags } from "../../domain/conversation/tags.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import type { Tx } from "../../store/database.ts";
import { conversations, teams, users } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { runCommand } from "../run-command.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockConversation } from "./load.ts";
import { refreshAnswerState } from "./refresh-answer-state.ts";

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
  const decision = decideConversationChange(before, patch, now);
  if (!decision.ok) {
    const code = decision.code === "close_reason_not_applicable" ? "invalid_input" : decision.code;
    throw new DeskError(code, decision.message);
  }
  const tags = patch.tags === undefined ? null : decideTags(patch.tags);
  if (tags && !tags.ok) throw new DeskError("invalid_input", tags.message);
  if (patch.assigneeId) await mustExist(tx, p.workspaceId, users, patch.assigneeId, "user");
  if (patch.teamId) await mustExist(tx, p.workspaceId, teams, patch.teamId, "team");
  const [changed] = await tx
    .update(conversations)
    .set({
      ...decision.changes,
      ...(tags ? { tags: tags.tags } : {}),
      lastActivityAt: now,
      updatedAt: now,
    })
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
  const diff = changedFields(before, after) ?? { before: {}, after: {} };
  if (tags && tags.tags.join("\n") !== before.tags.join("\n")) {
    diff.before.tags = before.tags;
    diff.after.tags = after.tags;
  }
  if (Object.keys(diff.after).length > 0) {
    await uow.record({
      type: "conversation.updated",
      conversationId: id,
      customerId: before.customerId,
      ...diff,
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
