// An advisor logs a call or a visit with a customer. The customer's own call or visit takes the one
// inbound path (intake/receive.ts); the advisor's is stored as their message. Marked answering, it
// counts as a human answer (docs/CONTRACT.md §6). Either way it lands on a conversation of that customer.
import { and, asc, eq, sql } from "drizzle-orm";
import { onHumanReply } from "../../domain/conversation/transitions.ts";
import { DeskError } from "../../errors.ts";
import { type Intake, receiveMessage } from "../../intake/receive.ts";
import type { Sender } from "../../intake/resolve-customer.ts";
import type { Runtime } from "../../runtime.ts";
import type { Tx } from "../../store/database.ts";
import { getCustomer, latestBrandOf } from "../../store/queries/customers.ts";
import { conversations, customerIdentities, messages } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { lockConversation } from "../conversation/load.ts";
import { refreshAnswerState } from "../conversation/refresh-answer-state.ts";
import { recordEvent } from "../events/record-event.ts";
import { openConversation } from "./open-conversation.ts";

export type Interaction = {
  customerId: string;
  channel: "phone" | "visit";
  /** inbound: the customer called or came; outbound: the advisor called or visited them. */
  direction: "inbound" | "outbound";
  summary: string;
  /** The advisor answered the customer during it: a human answer. */
  answering: boolean;
  conversationId?: string | undefined;
  /** When it took place, if not just now: it is written down, the clocks count from the logging. */
  occurredAt?: Date | undefined;
  durationMinutes?: number | undefined;
};

export type LoggedInteraction = {
  conversationId: string;
  messageId: string;
  customerId: string;
  reference: string;
  newConversation: boolean;
  conversation: typeof conversations.$inferSelect;
};

type Conversation = typeof conversations.$inferSelect;

/** The first line of the summary, as the subject of a conversation the interaction opens. */
const subjectOf = (summary: string) => (summary.trim().split(/\r?\n/)[0] ?? "").slice(0, 120);

/** A clock a little ahead of ours is not a call from the future. */
const futureSlackMs = 5 * 60_000;

/** Called inside the transaction that logs the contact (the Idempotency-Key record). */
export type RememberLogged = (tx: Tx, logged: LoggedInteraction) => Promise<void>;

const rememberNothing: RememberLogged = async () => {};

export async function logInteraction(
  rt: Runtime,
  p: Principal,
  input: Interaction,
  remember: RememberLogged = rememberNothing,
): Promise<LoggedInteraction> {
  if (input.answering && p.actor.kind !== "user") {
    // The contract counts answers by people only: a token acting for nobody cannot have answered.
    throw new DeskError(
      "invalid_input",
      "answering needs a person: this token is not bound to a user",
    );
  }
  if (input.occurredAt && input.occurredAt.getTime() > rt.now().getTime() + futureSlackMs) {
    throw new DeskError("invalid_input", "occurred_at: a call or visit to log has taken place");
  }
  const customer = await getCustomer(rt.db, p.workspaceId, input.customerId);
  if (!customer) throw new DeskError("not_found", "no such customer");
  if (customer.mergedIntoId) {
    throw new DeskError(
      "conflict",
      `this profile was merged into the customer ${customer.mergedIntoId}: log it there`,
    );
  }
  return input.direction === "inbound"
    ? customerContact(rt, p, input, customer.name, remember)
    : advisorContact(rt, p, input, remember);
}

/** Who the customer is to the intake: their first email address, else their first phone number. */
async function senderOf(rt: Runtime, workspaceId: string, customerId: string, name: string) {
  const identities = await rt.db
    .select({ kind: customerIdentities.kind, value: customerIdentities.value })
    .from(customerIdentities)
    .where(
      and(
        eq(customerIdentities.workspaceId, workspaceId),
        eq(customerIdentities.customerId, customerId),
      ),
    )
    .orderBy(asc(customerIdentities.createdAt));
  const email = identities.find((i) => i.kind === "email");
  const phone = identities.find((i) => i.kind === "phone");
  const sender: Sender = email ? { email: email.value } : phone ? { phone: phone.value } : {};
  if (!sender.email && !sender.phone) {
    throw new DeskError(
      "conflict",
      "this customer has no email address or phone number to log a contact under",
    );
  }
  return { ...sender, name: name || null };
}

async function customerContact(
  rt: Runtime,
  p: Principal,
  input: Interaction,
  customerName: string,
  remember: RememberLogged,
): Promise<LoggedInteraction> {
  const ws = p.workspaceId;
  const from = await senderOf(rt, ws, input.customerId, customerName);
  // Set inside the intake's transaction; the cast keeps TypeScript from assuming it stays null.
  let updated = null as Conversation | null;
  const intake: Intake = await receiveMessage(
    rt,
    {
      workspaceId: ws,
      channel: input.channel,
      brandId: await latestBrandOf(rt.db, ws, input.customerId),
      from,
      subject: subjectOf(input.summary),
      bodyText: input.summary,
      thread: { conversationId: input.conversationId ?? null },
    },
    async (tx, stored, conversation) => {
      if (stored.customerId !== input.customerId) {
        throw new Error("the intake resolved the customer's own identity to someone else");
      }
      const now = rt.now();
      if (input.answering) {
        await tx
          .update(messages)
          .set({ answering: true })
          .where(and(eq(messages.workspaceId, ws), eq(messages.id, stored.messageId)));
      }
      // Logged by an advisor, the conversation has been touched: it is no longer new.
      const status = conversation.status === "new" ? "open" : conversation.status;
      const refreshed = await refreshAnswerState(tx, conversation, now, { status });
      updated = refreshed;
      await loggedEvent(tx, rt, p, input, refreshed, stored.messageId, now);
      await remember(tx, { ...loggedOf(stored), conversation: refreshed });
    },
  );
  if (!updated) throw new Error(`the intake did not store ${intake.messageId} anew`);
  return { ...loggedOf(intake), conversation: updated };
}

function loggedOf(intake: Intake): Omit<LoggedInteraction, "conversation"> {
  return {
    conversationId: intake.conversationId,
    messageId: intake.messageId,
    customerId: intake.customerId,
    reference: intake.reference,
    newConversation: intake.newConversation,
  };
}

async function advisorContact(
  rt: Runtime,
  p: Principal,
  input: Interaction,
  remember: RememberLogged,
): Promise<LoggedInteraction> {
  const ws = p.workspaceId;
  return rt.db.transaction(async (tx) => {
    const now = rt.now();
    let conversation: Conversation;
    let newConversation = false;
    if (input.conversationId) {
      conversation = await lockConversation(tx, ws, input.conversationId);
      if (conversation.customerId !== input.customerId) {
        throw new DeskError("not_found", "no such conversation for this customer");
      }
      const decision = onHumanReply(conversation.status, { keepOpen: true });
      if (!decision.ok) {
        throw new DeskError(
          "invalid_transition",
          "a closed conversation is final: log the contact without conversation_id to open a new one",
        );
      }
    } else {
      conversation = await openConversation(tx, rt, p, {
        customerId: input.customerId,
        channel: input.channel,
        subject: subjectOf(input.summary),
        at: now,
      });
      newConversation = true;
    }
    const user = p.actor.kind === "user";
    const [message] = await tx
      .insert(messages)
      .values({
        workspaceId: ws,
        id: rt.newId(),
        conversationId: conversation.id,
        direction: "outbound",
        channel: input.channel,
        authorKind: user ? "user" : "system",
        authorUserId: user ? p.actor.id : null,
        authorName: p.actor.name,
        answering: input.answering,
        subject: conversation.subject,
        bodyText: input.summary,
        createdAt: now,
      })
      .returning();
    if (!message) throw new Error("the logged contact was not stored");
    await tx
      .update(conversations)
      .set({ messageCount: sql`${conversations.messageCount} + 1`, lastActivityAt: now })
      .where(and(eq(conversations.workspaceId, ws), eq(conversations.id, conversation.id)));
    const status = conversation.status === "new" ? "open" : conversation.status;
    const updated = await refreshAnswerState(tx, conversation, now, { status });
    await loggedEvent(tx, rt, p, input, updated, message.id, now);
    const logged: LoggedInteraction = {
      conversationId: conversation.id,
      messageId: message.id,
      customerId: input.customerId,
      reference: conversation.reference,
      newConversation,
      conversation: updated,
    };
    await remember(tx, logged);
    return logged;
  });
}

async function loggedEvent(
  tx: Tx,
  rt: Runtime,
  p: Principal,
  input: Interaction,
  conversation: Conversation,
  messageId: string,
  now: Date,
) {
  await recordEvent(tx, {
    workspaceId: p.workspaceId,
    id: rt.newId(),
    at: now,
    type: "interaction.logged",
    actor: p.actor,
    conversationId: conversation.id,
    customerId: input.customerId,
    data: {
      message_id: messageId,
      channel: input.channel,
      direction: input.direction,
      answering: input.answering,
      occurred_at: (input.occurredAt ?? now).toISOString(),
      duration_minutes: input.durationMinutes ?? null,
    },
  });
}
