// An advisor hands a conversation to someone else, with a reason: the transfer waits for the receiver,
// the holder stays its assignee (and on the unanswered watch) until then; from the third transfer of
// one conversation, the team's manager is told.
import { and, count, eq, ne } from "drizzle-orm";
import {
  mayRequestTransfer,
  notifiesManager,
  repeatedTransferNotice,
} from "../../domain/conversation/transfer.ts";
import { DeskError } from "../../errors.ts";
import { managerFor } from "../../jobs/sla-sweep.ts";
import { conversationTransfers, notifications } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockConversation } from "./load.ts";
import { enforce, lockPendingTransfer, userOf } from "./transfer-state.ts";

export type RequestTransferInput = { conversationId: string; toId: string; reason: string };

export async function requestTransfer(uow: UnitOfWork, p: Principal, input: RequestTransferInput) {
  const { tx, now } = uow;
  const conversation = await lockConversation(tx, p.workspaceId, input.conversationId);
  const to = await userOf(tx, p.workspaceId, input.toId);
  if (!to) throw new DeskError("invalid_input", `no user with the id ${input.toId}`);
  enforce(mayRequestTransfer({ role: p.role, userId: p.userId }, { conversation, to }));
  const pending = await lockPendingTransfer(tx, p.workspaceId, conversation.id);
  if (pending) {
    throw new DeskError("conflict", "a transfer of this conversation already waits for an answer", {
      transfer_id: pending.id,
    });
  }
  const [asked] = await tx
    .select({ n: count() })
    .from(conversationTransfers)
    .where(
      and(
        eq(conversationTransfers.workspaceId, p.workspaceId),
        eq(conversationTransfers.conversationId, conversation.id),
        ne(conversationTransfers.status, "cancelled"),
      ),
    );
  const number = (asked?.n ?? 0) + 1;
  const [transfer] = await tx
    .insert(conversationTransfers)
    .values({
      workspaceId: p.workspaceId,
      id: uow.newId(),
      conversationId: conversation.id,
      fromId: conversation.assigneeId,
      toId: to.id,
      requestedById: p.userId,
      reason: input.reason,
      createdAt: now,
    })
    .returning();
  if (!transfer) throw new Error("the transfer was not stored");
  await uow.record({
    type: "conversation.transfer_requested",
    conversationId: conversation.id,
    customerId: conversation.customerId,
    before: { assigneeId: conversation.assigneeId, transferToId: null },
    after: { assigneeId: conversation.assigneeId, transferToId: to.id },
    data: {
      transfer_id: transfer.id,
      from_id: conversation.assigneeId,
      to_id: to.id,
      to_name: to.name,
      reason: input.reason,
      count: number,
    },
  });
  if (notifiesManager(number)) {
    const managerId = await managerFor(tx, conversation);
    if (managerId) {
      const id = uow.newId();
      await tx.insert(notifications).values({
        workspaceId: p.workspaceId,
        id,
        userId: managerId,
        kind: repeatedTransferNotice,
        conversationId: conversation.id,
        data: {
          reference: conversation.reference,
          subject: conversation.subject,
          count: number,
          to_name: to.name,
          reason: input.reason,
        },
        createdAt: now,
      });
      await uow.enqueue("notify-user", { workspaceId: p.workspaceId, notificationId: id });
    }
  }
  return transfer;
}
