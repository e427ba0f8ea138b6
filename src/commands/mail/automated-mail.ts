// An automated mail to a conversation's customer (an acknowledgement, a notice) as the outbound
// message the send-mail job delivers: from the brand's first address, marked automated.
import type { brands, messages } from "../../store/schema/index.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { conversationMessageId } from "./reply-message-id.ts";

export function automatedMailRow(
  uow: Pick<UnitOfWork, "runtime" | "newId" | "now">,
  to: {
    conversationId: string;
    brand: typeof brands.$inferSelect;
    mail: { subject: string; text: string };
    inReplyTo: string | null;
  },
): typeof messages.$inferInsert & { id: string } {
  const rt = uow.runtime;
  const ws = to.brand.workspaceId;
  const from = to.brand.addresses[0] ?? rt.config.supportAddress;
  return {
    workspaceId: ws,
    id: uow.newId(),
    conversationId: to.conversationId,
    direction: "outbound",
    channel: "email",
    authorKind: "system",
    authorName: to.brand.name,
    authorEmail: from,
    automated: true,
    subject: to.mail.subject,
    bodyText: to.mail.text,
    externalId: conversationMessageId(
      rt.secret,
      rt.randomBytes,
      { workspaceId: ws, conversationId: to.conversationId },
      from,
    ),
    inReplyTo: to.inReplyTo,
    delivery: "queued",
    createdAt: uow.now,
  };
}
