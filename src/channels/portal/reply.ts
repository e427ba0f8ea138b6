// A customer's reply from the portal: through the one intake (channel `portal`, the conversation
// given), so clocks, reopening and the unanswered watch follow as for a mail. Only to one of their
// own conversations with the portal's brand; honours Idempotency-Key.

import { customerPrincipal } from "../../commands/portal/portal-customer.ts";
import type { PortalSession } from "../../commands/portal/portal-sessions.ts";
import { idempotencyOf } from "../../commands/run-command.ts";
import { DeskError } from "../../errors.ts";
import { receiveMessage } from "../../intake/receive.ts";
import type { Runtime } from "../../runtime.ts";
import { portalConversation } from "../../store/queries/portal.ts";

export type PortalReplyAnswer = { conversation_id: string; message_id: string; reference: string };

export async function replyFromPortal(
  rt: Runtime,
  session: PortalSession,
  conversationId: string,
  body: string,
  idempotencyKey: string | undefined,
): Promise<{ answer: PortalReplyAnswer; replayed: boolean }> {
  const owner = {
    workspaceId: session.workspaceId,
    customerId: session.customer.id,
    brandId: session.brand.id,
  };
  const idempotency = idempotencyOf<PortalReplyAnswer>(
    rt,
    customerPrincipal(session.workspaceId, session.customer),
    idempotencyKey,
    { method: "POST", path: `portal/conversations/${conversationId}/messages`, body: { body } },
  );
  return idempotency.run(async () => {
    if (!(await portalConversation(rt.db, owner, conversationId))) {
      throw new DeskError("not_found", "no such conversation");
    }
    const intake = await receiveMessage(
      rt,
      {
        workspaceId: session.workspaceId,
        channel: "portal",
        brandId: session.brand.id,
        from: { email: session.email, name: session.customer.name || null },
        bodyText: body,
        thread: { conversationId },
      },
      (tx, i) =>
        idempotency.remember(tx, rt, {
          conversation_id: i.conversationId,
          message_id: i.messageId,
          reference: i.reference,
        }),
    );
    return {
      conversation_id: intake.conversationId,
      message_id: intake.messageId,
      reference: intake.reference,
    };
  });
}
