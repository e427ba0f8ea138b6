// What each step of the story does to a conversation, in memory: a customer's message, an advisor's
// past reply, a note, a status change. The same decisions the intake and the commands take (status
// transitions, answer state, clocks), so the story can be written in a few statements at the end.
import {
  type ClockFacts,
  type ClockRules,
  clockColumnsWith,
} from "../commands/conversation/clocks.ts";
import type { Actor, EventInput } from "../commands/events/record-event.ts";
import { conversationMessageId } from "../commands/mail/reply-message-id.ts";
import { type AnswerFacts, answerState } from "../domain/conversation/answer.ts";
import {
  type ConversationPatch,
  changedFields,
  decideConversationChange,
} from "../domain/conversation/change.ts";
import type { Channel, ConversationStatus } from "../domain/conversation/status.ts";
import { onCustomerMessage, onHumanReply, onNote } from "../domain/conversation/transitions.ts";
import { replySubject } from "../domain/mail/acknowledgement.ts";
import type { SpamReason } from "../domain/mail/spam-rules.ts";
import type { RandomBytes } from "../domain/reference.ts";
import { newReference } from "../domain/reference.ts";
import { provisional } from "../intake/receive.ts";
import type { conversations, messages } from "../store/schema/index.ts";
import type { Brand } from "./write-setting.ts";

export type ConversationRow = Omit<typeof conversations.$inferSelect, "searchVector">;
export type MessageRow = Omit<typeof messages.$inferSelect, "searchVector">;

/** What the story writes, gathered for a few multi-row statements. */
export type StoryRows = {
  messages: MessageRow[];
  events: EventInput[];
  /** Conversations closed as spam: the spam model learns from them (a job), as from any desk's. */
  spamLessons: string[];
};

/** The desk as the story's steps read it: rules, brands, id makers and where the rows go. */
export type StoryDesk = {
  workspaceId: string;
  rules: ClockRules;
  brands: Map<string, Brand>;
  newId(): string;
  randomBytes: RandomBytes;
  secret: string;
  supportAddress: string;
  rows: StoryRows;
};

/** A conversation while its story is told: its row and its messages as the answer rules read them. */
export type Draft = { row: ConversationRow; facts: AnswerFacts[] };

export type Spam = { score: number; reasons: SpamReason[]; likely: boolean };

export type CustomerMessage = {
  customer: { id: string; name: string; email: string; created: boolean };
  channel: Channel;
  subject: string;
  body: string;
  spam: Spam | null;
  at: Date;
};

const factsOf = (m: MessageRow): AnswerFacts => ({
  direction: m.direction,
  channel: m.channel,
  authorKind: m.authorKind,
  automated: m.automated,
  delivery: m.delivery,
  spam: m.spam,
  answering: m.answering,
  createdAt: m.createdAt,
});

/** A message row with every column set: a multi-row insert gives an unset column null. */
function messageRow(
  desk: StoryDesk,
  m: Pick<
    MessageRow,
    "id" | "conversationId" | "direction" | "channel" | "authorKind" | "createdAt"
  > &
    Partial<MessageRow>,
): MessageRow {
  return {
    workspaceId: desk.workspaceId,
    authorUserId: null,
    authorCustomerId: null,
    authorName: "",
    authorEmail: null,
    automated: false,
    spam: false,
    spamScore: null,
    spamReasons: [],
    answering: false,
    subject: "",
    bodyText: "",
    bodyHtml: null,
    externalId: null,
    dedupeKey: null,
    inReplyTo: null,
    references: [],
    delivery: null,
    deliveryError: null,
    deliveredAt: null,
    flags: [],
    rawBlobKey: null,
    ...m,
  };
}

function store(desk: StoryDesk, draft: Draft, message: MessageRow) {
  desk.rows.messages.push(message);
  draft.facts.push(factsOf(message));
}

function clockOf(
  desk: StoryDesk,
  row: ConversationRow,
  facts: Omit<ClockFacts, "workspaceId" | "brandId" | "channel" | "priority" | "createdAt">,
  before: ConversationRow,
) {
  const brand = desk.brands.get(row.brandId);
  if (!brand) throw new Error(`the demo story has no brand ${row.brandId}`);
  return clockColumnsWith(
    desk.rules,
    brand,
    {
      workspaceId: row.workspaceId,
      brandId: row.brandId,
      channel: row.channel,
      priority: row.priority,
      createdAt: row.createdAt,
      ...facts,
    },
    before,
  );
}

/** As refreshAnswerState: answered, the wait and the clocks recomputed from the messages. */
function refreshed(
  desk: StoryDesk,
  draft: Draft,
  row: ConversationRow,
  at: Date,
  status: ConversationStatus = row.status,
): ConversationRow {
  const state = answerState(draft.facts);
  const floor = row.clockFloorAt;
  if (floor && state.awaitingSince && state.awaitingSince < floor) state.awaitingSince = floor;
  const clock = clockOf(
    desk,
    row,
    { status, awaitingSince: state.awaitingSince, firstHumanAnswerAt: state.firstHumanAnswerAt },
    row,
  );
  return {
    ...row,
    status,
    answered: state.answered,
    awaitingSince: state.awaitingSince,
    firstHumanAnswerAt: state.firstHumanAnswerAt,
    ...clock,
    updatedAt: at,
  };
}

function event(
  desk: StoryDesk,
  row: ConversationRow,
  at: Date,
  actor: Actor,
  type: string,
  more: Pick<EventInput, "data" | "before" | "after" | "customerId"> = {},
) {
  desk.rows.events.push({
    workspaceId: desk.workspaceId,
    id: desk.newId(),
    at,
    type,
    actor,
    conversationId: row.id,
    customerId: row.customerId,
    ...more,
  });
}

function inbound(desk: StoryDesk, conversationId: string, m: CustomerMessage, id: string) {
  return messageRow(desk, {
    id,
    conversationId,
    direction: "inbound",
    channel: m.channel,
    authorKind: "customer",
    authorCustomerId: m.customer.id,
    authorName: m.customer.name.trim(),
    authorEmail: m.customer.email.trim().toLowerCase(),
    subject: m.subject.slice(0, 500),
    bodyText: m.body,
    spam: m.spam?.likely ?? false,
    spamScore: m.spam?.score ?? null,
    spamReasons: m.spam?.reasons ?? [],
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
    { status, awaitingSince, firstHumanAnswerAt: row.firstHumanAnswerAt },
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

/** As the update-conversation command: the change's rules, then answer state and clocks. */
export function change(
  desk: StoryDesk,
  draft: Draft,
  actor: Actor,
  patch: ConversationPatch,
  at: Date,
): void {
  const before = draft.row;
  const decision = decideConversationChange(before, patch, at);
  if (!decision.ok) throw new Error(`the demo story breaks a rule: ${decision.message}`);
  const changed = { ...before, ...decision.changes, lastActivityAt: at, updatedAt: at };
  const after = refreshed(desk, draft, changed, at);
  draft.row = after;
  if (after.closeReason === "spam" && before.closeReason !== "spam") {
    desk.rows.spamLessons.push(after.id);
  }
  const diff = changedFields(before, after);
  if (diff) event(desk, after, at, actor, "conversation.updated", diff);
}

export type Writer = { id: string; name: string };

const userActor = (by: Writer): Actor => ({ kind: "user", id: by.id, name: by.name });

/** An advisor's message stored: counted, the answer state refreshed, its event on the timeline. */
function advisorWrote(
  desk: StoryDesk,
  draft: Draft,
  by: Writer,
  message: MessageRow,
  status: ConversationStatus,
  written: { type: "reply.written" | "note.added"; data: Record<string, unknown> },
) {
  const before = draft.row;
  store(desk, draft, message);
  const at = message.createdAt;
  const counted = { ...before, messageCount: before.messageCount + 1, lastActivityAt: at };
  draft.row = refreshed(desk, draft, counted, at, status);
  event(desk, draft.row, at, userActor(by), written.type, {
    data: written.data,
    ...(status !== before.status ? { before: { status: before.status }, after: { status } } : {}),
  });
}

/** A reply an advisor sent in the story's past, stored as delivered (past-reply semantics). */
export function pastReply(
  desk: StoryDesk,
  draft: Draft,
  by: Writer,
  reply: { body: string; keepOpen: boolean; brand: Brand },
  at: Date,
): void {
  const before = draft.row;
  const decision = onHumanReply(before.status, { keepOpen: reply.keepOpen });
  if (!decision.ok) throw new Error(`the demo story breaks a rule: ${decision.message}`);
  const from = reply.brand.addresses[0] ?? desk.supportAddress;
  const externalId = conversationMessageId(
    desk.secret,
    desk.randomBytes,
    { workspaceId: desk.workspaceId, conversationId: before.id },
    from,
  );
  const id = desk.newId();
  const message = messageRow(desk, {
    id,
    conversationId: before.id,
    direction: "outbound",
    channel: "email",
    authorKind: "user",
    authorUserId: by.id,
    authorName: by.name,
    authorEmail: from,
    subject: replySubject(before.subject, before.reference),
    bodyText: reply.body,
    externalId,
    delivery: "sent",
    deliveredAt: at,
    createdAt: at,
  });
  advisorWrote(desk, draft, by, message, decision.status, {
    type: "reply.written",
    data: { message_id: id, demo: true },
  });
}

/** An internal note (the post-message command's note): a new conversation becomes open. */
export function addNote(desk: StoryDesk, draft: Draft, by: Writer, body: string, at: Date): void {
  const before = draft.row;
  const id = desk.newId();
  const message = messageRow(desk, {
    id,
    conversationId: before.id,
    direction: "note",
    channel: before.channel,
    authorKind: "user",
    authorUserId: by.id,
    authorName: by.name,
    bodyText: body,
    createdAt: at,
  });
  advisorWrote(desk, draft, by, message, onNote(before.status), {
    type: "note.added",
    data: { message_id: id },
  });
}
