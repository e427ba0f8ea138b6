// The receiver accepts a pending transfer (the conversation becomes theirs) or declines it with a
// reason (it stays with its holder); the one who asked may cancel it while it waits.
import { and, eq } from "drizzle-orm";
import { mayCancelTransfer, mayDecideTransfer } from "../../domain/conversation/transfer.ts";
import { DeskError } from "../../errors.ts";
import { conversationTransfers } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockConversation } from "./load.ts";
import { enforce, lockPendingTransfer, type Transfer } from "./transfer-state.ts";
import { changeConversation } from "./update-conversation.ts";

export type TransferAnswer =
  | { kind: "accept" }
  | { kind: "decline"; reason: string }
  | { kind: "cancel" };

export type AnswerTransferInput = { conversationId: string; answer: TransferAnswer };

const statusOf = { accept: "accepted", decline: "declined", cancel: "cancelled" } as const;

export async function answerTransfer(uow: UnitOfWork, p: Principal, input: AnswerTransferInput) {
  const { tx, now } = uow;
  const conversation = await lockConversation(tx, p.workspaceId, input.conversationId);
  const pending = await lockPendingTransfer(tx, p.workspaceId, conversation.id);
  if (!pending)
    throw new DeskError("conflict", "no transfer of this conversation waits for an answer");
  const { answer } = input;
  const acting = { role: p.role, userId: p.userId };
  enforce(
    answer.kind === "cancel"
      ? mayCancelTransfer(acting, pending)
      : mayDecideTransfer(acting, pending),
  );
  const [decided] = await tx
    .update(conversationTransfers)
    .set({
      status: statusOf[answer.kind],
      decidedById: p.userId,
      decidedAt: now,
      decisionReason: answer.kind === "decline" ? answer.reason : null,
    })
    .where(
      and(
        eq(conversationTransfers.workspaceId, p.workspaceId),
        eq(conversationTransfers.id, pending.id),
      ),
    )
    .returning();
  if (!decided) throw new Error("the transfer vanished");
  const base = { conversationId: conversation.id, customerId: conversation.customerId };
  // The before and after name fields as conversation.updated does (camelCase, the timeline words them).
  const pendingState = { transferToId: pending.toId };
  const answered = { transferToId: null };
  if (answer.kind === "accept") {
    // The new assignee, through the one way a conversation changes hands (its event included).
    const after = await changeConversation(uow, p, {
      id: conversation.id,
      patch: { assigneeId: pending.toId },
    });
    await uow.record({
      type: "conversation.transfer_accepted",
      ...base,
      before: { ...pendingState, assigneeId: conversation.assigneeId },
      after: { ...answered, assigneeId: after.assigneeId },
      data: { transfer_id: pending.id, from_id: pending.fromId, to_id: pending.toId },
    });
  } else if (answer.kind === "decline") {
    await uow.record({
      type: "conversation.transfer_declined",
      ...base,
      before: pendingState,
      after: answered,
      data: { transfer_id: pending.id, to_id: pending.toId, reason: answer.reason },
    });
  } else {
    await uow.record({
      type: "conversation.transfer_cancelled",
      ...base,
      before: pendingState,
      after: answered,
      data: { transfer_id: pending.id, to_id: pending.toId },
    });
  }
  return decided satisfies Transfer;
}
