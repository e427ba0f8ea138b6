// A customer's message in the demo story, as the intake applies it (src/intake/receive.ts): it opens
// a conversation or joins one, starts the wait and the clocks, and writes the intake's events.
import type { Actor, EventInput } from "../commands/events/record-event.ts";
import type { Channel, ConversationStatus } from "../domain/conversation/status.ts";
import { onCustomerMessage } from "../domain/conversation/transitions.ts";
import { moodOf } from "../domain/mood/mood.ts";
import { newReference } from "../domain/reference.ts";
import { provisional } from "../intake/apply-message.ts";
import {
  type ConversationRow,
  clockOf,
  type Draft,
  event,
  messageRow,
  type Spam,
  type StoryDesk,
  store,
} from "./story-desk.ts";
import type { Brand } from "./write-setting.ts";

export type CustomerMessage = {
  customer: { id: string; name: string; email: string; emailIdentityId: string; created: boolean };
  channel: Channel;
  subject: string;
  body: string;
  spam: Spam | null;
  at: Date;
};

function inbound(desk: StoryDesk, conversationId: string, m: CustomerMessage, id: string) {
  return messageRow(desk, {
    id,
    conversationId,
    direction: "inbound",
    channel: m.channel,
    authorKind: "customer",
    authorCustomerId: m.customer.id,
    authorIdentityId: m.customer.emailIdentityId,
    authorName: m.customer.name.trim(),
    authorEmail: m.customer.email.trim().toLowerCase(),
    subject: m.subject.slice(0, 500),
    bodyText: m.body,
    spam: m.spam?.likely ?? false,
    spamScore: m.spam?.score ?? null,
    spamReasons: m.spam?.reasons ?? [],
    mood: m.spam?.likely ? null : moodOf(m.body),
    createdAt: m.at,
  });
}

/** The events the intake writes for a customer's message (customer, conversation, message, status). */
function intakeEvents(
  desk: StoryDesk,
  row: ConversationRow,
  m: CustomerMessage,
  messageId: string,
  opened: boolean,
  before: ConversationStatus,
) {
  const actor: Actor = { kind: "customer", id: m.customer.id, name: m.customer.name };
  const more = (rest: Pick<EventInput, "data" | "before" | "after">) => ({
    customerId: m.customer.id,
    ...rest,
  });
  if (m.customer.created) {
    event(desk, row, m.at, actor, "customer.created", more({ data: { channel: m.channel } }));
  }
  if (opened) {
    event(
      desk,
      row,
      m.at,
      actor,
      "conversation.created",
      more({
        data: {
          channel: m.channel,
          reference: row.reference,
          linked_conversation_id: row.linkedConversationId,
        },
      }),
    );
  }
  const spam = m.spam?.likely ?? false;
  event(
    desk,
    row,
    m.at,
    actor,
    "message.received",
    more({ data: { message_id: messageId, channel: m.channel, spam } }),
  );
  if (row.status !== before) {
    event(
      desk,
      row,
      m.at,
      actor,
      "conversation.status_changed",
      more({
        data: { reason: "customer_message" },
        before: { status: before },
        after: { status: row.status },
      }),
    );
  }
}

/** The first message of a conversation: the intake opens it, stores the message, starts the clocks. */
export function openWith(desk: StoryDesk, brand: Brand, m: CustomerMessage): Draft {
  const messageId = desk.newId();
  const at = m.at;
  // As the intake first holds a conversation it opens; the search vector is PostgreSQL's to compute.
  const { searchVector: _computed, ...opened } = provisional({
    workspaceId: desk.workspaceId,
    id: desk.newId(),
    reference: newReference(desk.randomBytes),
    brandId: brand.id,
    customerId: m.customer.id,
    channel: m.channel,
    subject: m.subject.slice(0, 500),
    linkedConversationId: null,
    spam: m.spam?.likely ?? false,
    spamScore: m.spam?.score ?? null,
    flags: [],
    createdAt: at,
    lastActivityAt: at,
  });
  const draft: Draft = { row: opened, facts: [] };
  draft.row = afterCustomerMessage(desk, opened, m);
  intakeEvents(desk, draft.row, m, messageId, true, "new");
  store(desk, draft, inbound(desk, opened.id, m, messageId));
  return draft;
}

/** The conversation after the intake applied a customer's message to it (receive.ts, apply). */
function afterCustomerMessage(
  desk: StoryDesk,
  row: ConversationRow,
  m: CustomerMessage,
): ConversationRow {
  const outcome = onCustomerMessage(row.status);
  if (outcome.kind !== "same") throw new Error("a closed conversation takes no new message");
  const status = outcome.status;
  const awaited = !(m.spam?.likely ?? false);
  const awaitingSince = awaited ? (row.awaitingSince ?? m.at) : row.awaitingSince;
  const clock = clockOf(
    desk,
    row,
    { status, awaitingSince, firstHumanAnswerAt: row.firstHumanAnswerAt, at: m.at },
    row,
  );
  const reset = status !== row.status;
  return {
    ...row,
    ...clock,
    status,
    awaitingSince,
    ...(reset ? { resolvedAt: null, closeReason: null } : {}),
    messageCount: row.messageCount + 1,
    lastCustomerMessageAt: m.at,
    lastActivityAt: m.at,
    updatedAt: m.at,
  };
}

/** A customer's message inside the conversation (a reply in its thread). */
export function customerWrites(desk: StoryDesk, draft: Draft, m: CustomerMessage): void {
  const messageId = desk.newId();
  const before = draft.row.status;
  draft.row = afterCustomerMessage(desk, draft.row, m);
  intakeEvents(desk, draft.row, m, messageId, false, before);
  store(desk, draft, inbound(desk, draft.row.id, m, messageId));
}
