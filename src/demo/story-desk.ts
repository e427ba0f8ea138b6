// The in-memory desk the demo story is told on: the rows it gathers, and what every step does the
// same way — store a message, record an event, recompute the answer state and the clocks.
import {
  type ClockFacts,
  type ClockRules,
  clockColumnsWith,
} from "../commands/conversation/clocks.ts";
import type { Actor, EventInput } from "../commands/events/record-event.ts";
import { type AnswerFacts, answerState } from "../domain/conversation/answer.ts";
import type { ConversationStatus } from "../domain/conversation/status.ts";
import type { SpamReason } from "../domain/mail/spam-rules.ts";
import type { RandomBytes } from "../domain/reference.ts";
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
export function messageRow(
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
    authorIdentityId: null,
    authorName: "",
    authorEmail: null,
    cc: [],
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
    mood: null,
    ...m,
  };
}

export function store(desk: StoryDesk, draft: Draft, message: MessageRow) {
  desk.rows.messages.push(message);
  draft.facts.push(factsOf(message));
}

export function clockOf(
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
export function refreshed(
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
    {
      status,
      awaitingSince: state.awaitingSince,
      firstHumanAnswerAt: state.firstHumanAnswerAt,
      at,
    },
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

export function event(
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
