// An advisor gives a conversation to its team's manager ("Escalate to the manager"): the manager
// becomes its assignee, the timeline says who asked, and the customer gets a notice naming the
// manager (in their language, through the outbound mail path). Asking again changes nothing.
import { and, eq } from "drizzle-orm";
import { isLanguage } from "../../domain/language.ts";
import { composeEscalationNotice } from "../../domain/mail/escalation-notice.ts";
import { promiseText } from "../../domain/sla/promise-text.ts";
import { DeskError } from "../../errors.ts";
import { customerEmailOf } from "../../store/queries/conversations.ts";
import {
  brands,
  conversations,
  customers,
  messages,
  teams,
  users,
} from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { automatedMailRow } from "../mail/automated-mail.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockConversation } from "./load.ts";

export async function escalateConversation(
  uow: UnitOfWork,
  p: Principal,
  { conversationId }: { conversationId: string },
) {
  const { tx, now } = uow;
  const ws = p.workspaceId;
  const before = await lockConversation(tx, ws, conversationId);
  const [brand] = await tx
    .select()
    .from(brands)
    .where(and(eq(brands.workspaceId, ws), eq(brands.id, before.brandId)));
  if (!brand) throw new Error("a conversation without its brand");
  const teamId = before.teamId ?? brand.teamId;
  const [manager] = teamId
    ? await tx
        .select({ id: users.id, name: users.name, active: users.active })
        .from(teams)
        .innerJoin(
          users,
          and(eq(users.workspaceId, teams.workspaceId), eq(users.id, teams.managerId)),
        )
        .where(and(eq(teams.workspaceId, ws), eq(teams.id, teamId)))
    : [];
  if (!manager?.active) {
    throw new DeskError("conflict", "this conversation's team has no manager to escalate to");
  }
  if (before.assigneeId === manager.id) return before;
  const [after] = await tx
    .update(conversations)
    .set({ assigneeId: manager.id, teamId, escalatedToId: manager.id, updatedAt: now })
    .where(and(eq(conversations.workspaceId, ws), eq(conversations.id, conversationId)))
    .returning();
  if (!after) throw new Error("the conversation vanished");
  await uow.record({
    type: "conversation.escalated",
    conversationId,
    customerId: before.customerId,
    before: { assigneeId: before.assigneeId, teamId: before.teamId },
    after: { assigneeId: manager.id, teamId },
    data: { reason: "advisor_request", manager_id: manager.id, manager_name: manager.name },
  });
  await noticeToCustomer(uow, after, brand, manager.name);
  return after;
}

/** The notice naming the manager, when the customer can be written to by mail. */
async function noticeToCustomer(
  uow: UnitOfWork,
  c: typeof conversations.$inferSelect,
  brand: typeof brands.$inferSelect,
  managerName: string,
) {
  const { tx, now } = uow;
  const address = await customerEmailOf(tx, c.workspaceId, c.customerId);
  if (!address) return;
  const [customer] = await tx
    .select({ name: customers.name, language: customers.preferredLanguage })
    .from(customers)
    .where(and(eq(customers.workspaceId, c.workspaceId), eq(customers.id, c.customerId)));
  const wanted = customer?.language ?? brand.language;
  const language = isLanguage(wanted) ? wanted : "en";
  const due = c.nextResponseDueAt ?? c.firstResponseDueAt;
  const mail = composeEscalationNotice({
    language,
    reference: c.reference,
    subject: c.subject,
    managerName,
    promiseText: due ? promiseText({ due, now, timeZone: brand.timeZone, language }) : null,
    asked: false,
    brandName: brand.name,
    customerName: customer?.name || null,
    signature: brand.signature || null,
  });
  const row = automatedMailRow(uow, { conversationId: c.id, brand, mail, inReplyTo: null });
  await tx.insert(messages).values(row);
  await uow.enqueue("send-mail", { workspaceId: c.workspaceId, messageId: row.id });
}
