// An advisor marks a conversation as spam or not spam. The workspace's model learns from the mark
// (and unlearns a reversed one); "not spam" starts the clocks from this moment and sends the
// acknowledgement the mail never got — never a second one to a mail that was acknowledged.
import { and, eq } from "drizzle-orm";
import { type BayesModel, train, untrain } from "../../domain/mail/bayes.ts";
import { inWorkspace } from "../../store/queries/workspace-scope.ts";
import { messages } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { lockConversation } from "../conversation/load.ts";
import { refile } from "../conversation/refile.ts";
import { acknowledgeIfDue } from "../mail/acknowledge.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { markFlag, saveSpamModel, spamModelOf } from "./spam-model.ts";

export type SpamMarkInput = { conversationId: string; spam: boolean };

export async function markSpam(
  uow: UnitOfWork,
  p: Principal,
  { conversationId, spam }: SpamMarkInput,
) {
  const { tx, now } = uow;
  const ws = p.workspaceId;
  const before = await lockConversation(tx, ws, conversationId);
  if (before.spam === spam) return before;
  const mark = spam ? "spam" : "not_spam";
  const inbound = await tx
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, ws),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "inbound"),
      ),
    );
  let model: BayesModel = await spamModelOf(tx, ws, true);
  for (const m of inbound) {
    const text = `${m.subject}\n${m.bodyText}`;
    if (m.flags.includes(markFlag.spam)) model = untrain(model, text, "spam");
    if (m.flags.includes(markFlag.not_spam)) model = untrain(model, text, "not_spam");
    model = train(model, text, mark);
    const flags = [
      ...m.flags.filter((f) => f !== markFlag.spam && f !== markFlag.not_spam),
      markFlag[mark],
    ];
    await tx
      .update(messages)
      .set({ spam, flags })
      .where(and(eq(messages.workspaceId, ws), eq(messages.id, m.id)));
  }
  await saveSpamModel(tx, ws, model, now);
  const after = await refile(
    uow,
    before,
    { spam },
    spam ? "conversation.marked_spam" : "conversation.marked_not_spam",
  );
  const first = inbound.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  if (
    !spam &&
    first &&
    before.channel === "email" &&
    !(await acknowledged(uow, ws, conversationId))
  ) {
    const automated = first.flags.some((f) => f.startsWith("automated:"));
    await acknowledgeIfDue(
      uow,
      {
        conversationId,
        messageId: first.id,
        customerId: before.customerId,
        reference: before.reference,
        duplicate: false,
        newConversation: true,
        newCustomer: false,
        continued: false,
      },
      after,
      {
        automation: { automated, reasons: [] },
        spam: false,
        // The advisor who says "not spam" has judged the sender too.
        senderDisowned: false,
        senderAddress: first.authorEmail ?? "",
        text: first.bodyText,
        inboundMessageId: first.externalId,
      },
    );
  }
  return after;
}

/** Whether the customer already got an automatic mail in this conversation (its acknowledgement). */
async function acknowledged(
  uow: UnitOfWork,
  workspaceId: string,
  conversationId: string,
): Promise<boolean> {
  const [sent] = await uow.tx
    .select({ id: messages.id })
    .from(messages)
    .where(
      inWorkspace(
        messages,
        workspaceId,
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "outbound"),
        eq(messages.automated, true),
      ),
    )
    .limit(1);
  return sent !== undefined;
}
