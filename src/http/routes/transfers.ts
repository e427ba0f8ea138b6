// Transfers: hand a conversation to someone with a reason, accept, decline or cancel it, and the
// lists the console reads (a person's transfers to accept, a conversation's transfer history).
import { z } from "zod";
import {
  type AnswerTransferInput,
  answerTransfer,
} from "../../commands/conversation/answer-transfer.ts";
import { requestTransfer } from "../../commands/conversation/request-transfer.ts";
import { decodeCursor, encodeCursor } from "../../commands/cursor.ts";
import { runCommand, runIdempotent } from "../../commands/run-command.ts";
import { transferStatuses } from "../../domain/conversation/transfer.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { getConversation } from "../../store/queries/conversations.ts";
import {
  countTransfers,
  listTransfers,
  type TransferRow,
  transfersOf,
  transferWithContext,
} from "../../store/queries/transfers.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import {
  assigneeFilter,
  assigneeQuery,
  page,
  paging,
  problemView,
} from "../schemas/conversation.ts";
import { idempotencyHeader } from "../schemas/idempotency.ts";

const iso = z.string().describe("ISO-8601 UTC");

export const transferView = z.object({
  id: z.string(),
  conversation_id: z.string(),
  from_id: z
    .string()
    .nullable()
    .describe("who held the conversation when it was asked (null: nobody)"),
  from_name: z.string().nullable(),
  to_id: z.string(),
  to_name: z.string(),
  requested_by_id: z.string().nullable(),
  reason: z.string(),
  status: z.enum(transferStatuses),
  decided_by_id: z.string().nullable(),
  decision_reason: z.string().nullable().describe("why it was declined"),
  decided_at: iso.nullable(),
  created_at: iso,
  conversation: z.object({
    reference: z.string(),
    subject: z.string(),
    customer_id: z.string(),
    customer_name: z.string(),
  }),
});

function presentTransfer(r: TransferRow): z.infer<typeof transferView> {
  const x = r.transfer;
  return {
    id: x.id,
    conversation_id: x.conversationId,
    from_id: x.fromId,
    from_name: r.fromName,
    to_id: x.toId,
    to_name: r.toName,
    requested_by_id: x.requestedById,
    reason: x.reason,
    status: x.status,
    decided_by_id: x.decidedById,
    decision_reason: x.decisionReason,
    decided_at: x.decidedAt?.toISOString() ?? null,
    created_at: x.createdAt.toISOString(),
    conversation: {
      reference: r.reference,
      subject: r.subject,
      customer_id: r.customerId,
      customer_name: r.customerName,
    },
  };
}

const idParams = z.object({ id: z.uuid() });
const reasonText = z.string().trim().min(1).max(2000);
const answers = {
  200: transferView,
  400: problemView,
  403: problemView,
  404: problemView,
  409: problemView,
  422: problemView,
};

export function registerTransferRoutes(app: App, rt: Runtime): void {
  app.post(
    "/api/v1/conversations/:id/transfer",
    {
      schema: {
        summary: "Ask to transfer a conversation to someone, with a reason",
        description:
          "The transfer waits for the receiver (`status: pending`): until they accept it, the " +
          "conversation stays with its assignee, who remains accountable for it (it stays on their " +
          "unanswered watch). One pending transfer per conversation: a second is refused (409) until " +
          "the first is accepted, declined or cancelled. The assignee transfers their own " +
          "conversations, a manager or admin anyone's, anyone an unassigned one. From the third " +
          "transfer of one conversation (cancelled ones aside), the team's manager is notified.",
        tags: ["transfers"],
        params: idParams,
        headers: idempotencyHeader,
        body: z.strictObject({ to: z.uuid().describe("the user it goes to"), reason: reasonText }),
        response: { ...answers, 201: transferView },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { id } = request.params;
      const b = request.body;
      const { answer, replayed } = await runIdempotent(
        rt,
        requestTransfer,
        p,
        { conversationId: id, toId: b.to, reason: b.reason },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: `conversations/${id}/transfer`, body: b },
          answer: (transfer, uow) => presentedIn(uow.tx, p.workspaceId, transfer.id),
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  // Read in the writing transaction: the answer kept for the Idempotency-Key is the committed one.
  const presentedIn = async (
    tx: Parameters<typeof transferWithContext>[0],
    workspaceId: string,
    id: string,
  ) => {
    const row = await transferWithContext(tx, workspaceId, id);
    if (!row) throw new Error("the transfer just written is not found");
    return presentTransfer(row);
  };

  const answerRoute = (
    path: "accept" | "decline",
    summary: string,
    answerOf: (body: { reason?: string } | undefined) => AnswerTransferInput["answer"],
    body: z.ZodType | undefined,
  ) =>
    app.post(
      `/api/v1/conversations/:id/transfer/${path}`,
      {
        schema: {
          summary,
          tags: ["transfers"],
          params: idParams,
          headers: idempotencyHeader,
          ...(body ? { body } : {}),
          response: answers,
        },
      },
      async (request) => {
        const p = principalOf(request);
        const { id } = request.params;
        const b = request.body as { reason?: string } | undefined;
        const { answer } = await runIdempotent(
          rt,
          answerTransfer,
          p,
          { conversationId: id, answer: answerOf(b) },
          {
            key: request.headers["idempotency-key"],
            request: {
              method: "POST",
              path: `conversations/${id}/transfer/${path}`,
              body: b ?? null,
            },
            answer: (transfer, uow) => presentedIn(uow.tx, p.workspaceId, transfer.id),
            status: 200,
          },
        );
        return answer;
      },
    );

  answerRoute(
    "accept",
    "Accept the pending transfer: the conversation becomes the receiver's (the receiver, a manager or an admin)",
    () => ({ kind: "accept" }),
    undefined,
  );
  answerRoute(
    "decline",
    "Decline the pending transfer with a reason: the conversation stays with its assignee",
    (b) => ({ kind: "decline", reason: b?.reason ?? "" }),
    z.strictObject({ reason: reasonText }),
  );

  app.delete(
    "/api/v1/conversations/:id/transfer",
    {
      schema: {
        summary:
          "Cancel the pending transfer (who asked for it, the one it was taken from, or a manager)",
        tags: ["transfers"],
        params: idParams,
        response: answers,
      },
    },
    async (request) => {
      const p = principalOf(request);
      const cancelled = await runCommand(rt, answerTransfer, p, {
        conversationId: request.params.id,
        answer: { kind: "cancel" },
      });
      return presentedIn(rt.db, p.workspaceId, cancelled.id);
    },
  );

  app.get(
    "/api/v1/conversations/:id/transfers",
    {
      schema: {
        summary: "The transfers of a conversation, oldest first (the pending one, if any, last)",
        tags: ["transfers"],
        params: idParams,
        response: { 200: z.object({ items: z.array(transferView) }), 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const found = await getConversation(rt.db, p.workspaceId, request.params.id);
      if (!found) throw new DeskError("not_found", "no such conversation");
      const rows = await transfersOf(rt.db, p.workspaceId, request.params.id);
      return { items: rows.map(presentTransfer) };
    },
  );

  app.get(
    "/api/v1/transfers/count",
    {
      schema: {
        summary:
          "How many transfers match (counted up to 1,000): `to=me&status=pending` is the header's badge",
        description: "The count stops at 1,000: `more` says there are more.",
        tags: ["transfers"],
        querystring: z.strictObject({
          to: assigneeQuery.describe("a user id, or `me`"),
          from: assigneeQuery.describe("a user id, or `me`"),
          status: z.enum(transferStatuses).optional(),
        }),
        response: {
          200: z.object({
            count: z.number().int().describe("up to 1,000"),
            more: z.boolean().describe("more than 1,000"),
          }),
          400: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      return countTransfers(rt.db, {
        workspaceId: p.workspaceId,
        toId: assigneeFilter(q.to, p.userId),
        fromId: assigneeFilter(q.from, p.userId),
        status: q.status,
      });
    },
  );

  app.get(
    "/api/v1/transfers",
    {
      schema: {
        summary: "Transfers, newest first: `to=me&status=pending` are the ones waiting for me",
        tags: ["transfers"],
        querystring: z.strictObject({
          to: assigneeQuery.describe("a user id, or `me`"),
          from: assigneeQuery.describe("a user id, or `me`"),
          status: z.enum(transferStatuses).optional(),
          ...paging,
        }),
        response: { 200: page(transferView), 400: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const { rows, next } = await listTransfers(rt.db, {
        workspaceId: p.workspaceId,
        toId: assigneeFilter(q.to, p.userId),
        fromId: assigneeFilter(q.from, p.userId),
        status: q.status,
        after: q.cursor ? decodeCursor(rt.secret, q.cursor) : undefined,
        limit: q.limit,
      });
      return {
        items: rows.map(presentTransfer),
        next_cursor: next ? encodeCursor(rt.secret, next) : null,
      };
    },
  );
}
