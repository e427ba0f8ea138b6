// A visitor's message from the widget, through the one intake (channel `chat`, the visitor's id as
// a `chat` identity, plus the email or phone they gave): stored before the widget shows it as sent,
// with the visitor's conversation updated in the same transaction.
import { eq } from "drizzle-orm";
import { idempotencyOf } from "../../commands/run-command.ts";
import { visitorPrincipal } from "../../commands/widget/visitor-principal.ts";
import { DeskError } from "../../errors.ts";
import { type Intake, receiveMessage } from "../../intake/receive.ts";
import type { Runtime } from "../../runtime.ts";
import type { WidgetBrand, WidgetVisitor } from "../../store/queries/widget.ts";
import { inWorkspace } from "../../store/queries/workspace-scope.ts";
import { widgetVisitors } from "../../store/schema/index.ts";

export type ChatMessage = {
  body: string;
  email?: string | undefined;
  phone?: string | undefined;
  name?: string | undefined;
};

export type ChatAnswer = { message_id: string; conversation_id: string; reference: string };

export async function receiveChat(
  rt: Runtime,
  brand: WidgetBrand,
  visitor: WidgetVisitor,
  message: ChatMessage,
  idempotencyKey: string | undefined,
): Promise<{ answer: ChatAnswer; replayed: boolean }> {
  const ws = brand.workspaceId;
  const idempotency = idempotencyOf<ChatAnswer>(
    rt,
    visitorPrincipal(ws, visitor.id),
    idempotencyKey,
    { method: "POST", path: `widget/${brand.slug}/messages`, body: message },
  );
  const receive = (conversationId: string | null) =>
    receiveMessage(
      rt,
      {
        workspaceId: ws,
        brandId: brand.id,
        channel: "chat",
        from: {
          chatId: visitor.id,
          email: message.email ?? null,
          phone: message.phone ?? null,
          name: message.name ?? null,
          country: brand.country,
        },
        subject: null,
        bodyText: message.body,
        thread: { conversationId },
      },
      async (tx, intake) => {
        if (intake.conversationId !== visitor.conversationId) {
          await tx
            .update(widgetVisitors)
            .set({ conversationId: intake.conversationId })
            .where(inWorkspace(widgetVisitors, ws, eq(widgetVisitors.id, visitor.id)));
        }
        await idempotency.remember(tx, rt, answerOf(intake));
      },
    );
  return idempotency.run(async () => {
    try {
      return answerOf(await receive(visitor.conversationId));
    } catch (error) {
      // The email given belongs to a customer other than the one this chat began with: the intake
      // gives them their own conversation, which this visitor follows from now on.
      if (error instanceof DeskError && error.code === "not_found" && visitor.conversationId) {
        return answerOf(await receive(null));
      }
      throw error;
    }
  });
}

const answerOf = (i: Intake): ChatAnswer => ({
  message_id: i.messageId,
  conversation_id: i.conversationId,
  reference: i.reference,
});
