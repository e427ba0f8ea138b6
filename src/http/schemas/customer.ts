// The API's view of customers (docs/CONTRACT.md §4): the profile with its identities, the timeline, the summary
// an advisor reads first, a logged call or visit — Zod schemas and the presenters that fill them.
import { z } from "zod";
import type { LoggedInteraction } from "../../commands/customer/log-interaction.ts";
import { excerptOf } from "../../domain/conversation/excerpt.ts";
import { authorKinds, messageDirections } from "../../domain/conversation/message-kinds.ts";
import { channels, conversationStatuses } from "../../domain/conversation/status.ts";
import {
  type EventPayload,
  type EventType,
  eventCatalogue,
  eventTypes,
} from "../../domain/events/catalogue.ts";
import { languages } from "../../domain/language.ts";
import type { CustomerValue } from "../../domain/orders/value.ts";
import {
  type ConversationGlimpse,
  type CustomerFacts,
  type MessageGlimpse,
  messageIdOf,
  type Profile,
} from "../../store/queries/customers.ts";
import { actorKinds, type events, identityKinds } from "../../store/schema/index.ts";
import { glanceShape, preferenceInput, preferenceView, tagInput } from "./glance.ts";
import { day, instant } from "./instant.ts";
import { customerValueView, presentValue } from "./order.ts";
import { timeZoneName } from "./settings.ts";

const iso = z.string().describe("ISO-8601 UTC");
const toIso = (d: Date | null) => (d ? d.toISOString() : null);

export const identityView = z.object({
  id: z.string(),
  kind: z.enum(identityKinds),
  value: z.string().describe("normalised: lower-case email, +digits phone"),
  display_value: z.string().describe("as the customer wrote it"),
  verified: z.boolean(),
  flags: z.array(z.string()),
});

const importantDate = z.object({
  kind: z.string().describe('which date it is: "birthday", "anniversary", "renewal" or words'),
  date: z.string().describe("YYYY-MM-DD"),
});

export const customerView = z.object({
  id: z.string(),
  name: z.string(),
  preferred_language: z.string().nullable(),
  time_zone: z.string().nullable(),
  preferred_channel: z.enum(channels).nullable(),
  contact_times: z
    .string()
    .describe('when they like to be reached, in words ("weekdays after 18:00")'),
  notes: z.string(),
  important_dates: z.array(importantDate),
  preferences: z.array(preferenceView).describe("habits and preferences, as structured entries"),
  tags: z.array(z.string()),
  advisor_id: z.string().nullable(),
  backup_id: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.string(), is_partner: z.boolean() }).nullable(),
  identities: z.array(identityView),
  merged_into_id: z.string().nullable().describe("set when this profile was merged into another"),
  merged_into: z
    .string()
    .nullable()
    .describe(
      "on a merged profile: the surviving customer (GET by id follows a chain of merges to its end)",
    ),
  merge_id: z
    .string()
    .nullable()
    .describe("on a merged profile read by id: the merge that merged it, to undo it"),
  erased_at: iso.nullable().describe("set when the person's data was erased on request"),
  created_at: iso,
  updated_at: iso,
  external_id: z
    .string()
    .nullable()
    .describe("their key in the system they come from (imports upsert by it)"),
  customer_since: z.string().nullable().describe("YYYY-MM-DD, as the system they come from says"),
});

export function presentCustomer(c: Profile): z.infer<typeof customerView> {
  return {
    id: c.id,
    name: c.name,
    preferred_language: c.preferredLanguage,
    time_zone: c.timeZone,
    preferred_channel: c.preferredChannel,
    contact_times: c.contactTimes,
    notes: c.notes,
    important_dates: c.importantDates.map((d) => ({ kind: d.kind, date: d.date })),
    preferences: c.preferences.map((p) => ({ kind: p.kind, text: p.text })),
    tags: c.tags,
    advisor_id: c.advisorId,
    backup_id: c.backupId,
    organisation: c.organisation
      ? { id: c.organisation.id, name: c.organisation.name, is_partner: c.organisation.isPartner }
      : null,
    identities: c.identities.map((i) => ({
      id: i.id,
      kind: i.kind,
      value: i.value,
      display_value: i.displayValue,
      verified: i.verified,
      flags: i.flags,
    })),
    merged_into_id: c.mergedIntoId,
    merged_into: c.mergedIntoId,
    merge_id: null,
    erased_at: c.erasedAt?.toISOString() ?? null,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
    external_id: c.externalId,
    customer_since: c.customerSince,
  };
}

export const customerPatchBody = z
  .strictObject({
    name: z.string().trim().max(200).optional(),
    emails: z
      .array(z.string().trim().max(320).pipe(z.email()))
      .max(20)
      .optional()
      .describe(
        "the whole list of their email addresses: missing ones are removed, new ones added (409 " +
          "when one identifies another customer: merge them)",
      ),
    phones: z
      .array(z.string().trim().min(1).max(40))
      .max(20)
      .optional()
      .describe("the whole list of their phone numbers, as for `emails`"),
    preferred_language: z.enum(languages).nullable().optional(),
    time_zone: timeZoneName.nullable().optional(),
    preferred_channel: z.enum(channels).nullable().optional(),
    contact_times: z.string().trim().max(200).optional(),
    notes: z.string().max(20_000).optional(),
    important_dates: z
      .array(z.strictObject({ kind: z.string().trim().min(1).max(100), date: day }))
      .max(50)
      .optional(),
    preferences: z
      .array(preferenceInput)
      .max(30)
      .optional()
      .describe("the whole list of structured preferences: duplicates are kept once"),
    tags: z.array(tagInput).max(30).optional().describe("the whole list of tags"),
    advisor_id: z.uuid().nullable().optional().describe("an active user: the customer's advisor"),
    backup_id: z.uuid().nullable().optional().describe("an active user, not the advisor"),
    organisation_id: z.uuid().nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "nothing to change");

const timelineEntryBase = {
  id: z.string(),
  created_at: iso,
  actor: z.object({ kind: z.enum(actorKinds), id: z.string().nullable(), name: z.string() }),
  conversation_id: z.string().nullable(),
  conversation: z
    .object({
      id: z.string(),
      reference: z.string(),
      subject: z.string(),
      channel: z.enum(channels),
      status: z.enum(conversationStatuses),
    })
    .nullable()
    .describe("the conversation it belongs to, to group a timeline under its subject"),
  before: z.unknown().nullable().describe("the changed fields before, for changes"),
  after: z.unknown().nullable().describe("the changed fields after, for changes"),
};

const messageGlimpse = z
  .object({
    id: z.string(),
    direction: z.enum(messageDirections),
    channel: z.enum(channels),
    author: z.object({ kind: z.enum(authorKinds), name: z.string() }),
    automated: z.boolean(),
    subject: z.string(),
    excerpt: z.string().describe("the start of its words on one line, quoted history left out"),
  })
  .nullable()
  .describe("the message it is about; null once it was erased or purged");

/** The event types about one message (their data names it): their entries show that message. */
const aboutMessage = (type: EventType) => "message_id" in eventCatalogue[type].shape;

const timelineEntryOf = <T extends EventType>(type: T) =>
  z.object({
    ...timelineEntryBase,
    type: z.literal(type),
    data: eventCatalogue[type]
      .nullable()
      .describe("null once the data it was about was erased (a person's erasure, retention)"),
    ...(aboutMessage(type) ? { message: messageGlimpse } : {}),
  });

type TimelineEntryOption = ReturnType<typeof timelineEntryOf<EventType>>;

/** One entry of the timeline: each event type of the catalogue with the schema of its data. */
export const timelineEntryView = z.discriminatedUnion(
  "type",
  eventTypes.map(timelineEntryOf) as [TimelineEntryOption, ...TimelineEntryOption[]],
);

/** What a page of the timeline shows beside its events (store/queries/customers.ts). */
export type TimelineContext = {
  messages: ReadonlyMap<string, MessageGlimpse>;
  conversations: ReadonlyMap<string, ConversationGlimpse>;
};

function presentGlimpse(m: MessageGlimpse | undefined): z.infer<typeof messageGlimpse> {
  if (!m) return null;
  return {
    id: m.id,
    direction: m.direction,
    channel: m.channel,
    author: { kind: m.authorKind, name: m.authorName },
    automated: m.automated,
    subject: m.subject,
    excerpt: excerptOf(m.bodyStart),
  };
}

export function presentTimelineEntry(
  e: typeof events.$inferSelect,
  about: TimelineContext,
): z.infer<typeof timelineEntryView> {
  const { actor_name: actorName, erased, ...data } = (e.data ?? {}) as Record<string, unknown>;
  const type = e.type as EventType;
  const conversation = e.conversationId ? about.conversations.get(e.conversationId) : undefined;
  const messageId = messageIdOf(e);
  return {
    id: e.id,
    // Every writer names a catalogued type (uow.record); the response's schema checks the pair.
    type,
    created_at: e.createdAt.toISOString(),
    actor: {
      kind: e.actorKind,
      id: e.actorId,
      name: typeof actorName === "string" ? actorName : "",
    },
    conversation_id: e.conversationId,
    conversation: conversation
      ? {
          id: conversation.id,
          reference: conversation.reference,
          subject: conversation.subject,
          channel: conversation.channel,
          status: conversation.status,
        }
      : null,
    data: erased === true ? null : (data as EventPayload<EventType>),
    before: e.before ?? null,
    after: e.after ?? null,
    ...(aboutMessage(type)
      ? {
          message:
            erased === true || !messageId ? null : presentGlimpse(about.messages.get(messageId)),
        }
      : {}),
  };
}

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const customerSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  customer_since: iso.describe(
    "when they became a customer: `customer_since` of their profile, else the first order or the " +
      "first contact (the first conversation, else the profile), whichever came first",
  ),
  tenure_days: z.number().describe("whole days since customer_since"),
  conversations: z.object({
    open: z.number().describe("not resolved or closed; spam aside"),
    total: z.number().describe("spam aside"),
  }),
  last_contact_at: iso
    .nullable()
    .describe("the last message exchanged (notes and automated aside)"),
  advisor: person,
  backup: person,
  preferred_language: z.string().nullable(),
  organisation: customerView.shape.organisation,
  important_dates: z.array(importantDate),
  ...glanceShape,
  value: customerValueView,
});

export const interactionBody = z.strictObject({
  channel: z.enum(["phone", "visit"]),
  direction: z.enum(["inbound", "outbound"]).describe("inbound: the customer called or came"),
  summary: z.string().trim().min(1).max(100_000),
  answering: z.boolean().describe("the advisor answered the customer: counts as a human answer"),
  conversation_id: z.uuid().optional().describe("else a new conversation is opened"),
  occurred_at: instant
    .optional()
    .describe("when it took place, if earlier than now; kept on its event, not in the future"),
  duration_minutes: z.int().min(0).max(1440).optional(),
});

export const interactionView = z.object({
  conversation_id: z.string(),
  message_id: z.string(),
  customer_id: z.string(),
  reference: z.string(),
  new_conversation: z.boolean(),
  status: z.enum(conversationStatuses),
  answered: z.boolean().describe("the conversation now has a human answer"),
  awaiting_answer_since: iso.nullable(),
});

export function presentInteraction(i: LoggedInteraction): z.infer<typeof interactionView> {
  return {
    conversation_id: i.conversationId,
    message_id: i.messageId,
    customer_id: i.customerId,
    reference: i.reference,
    new_conversation: i.newConversation,
    status: i.conversation.status,
    answered: i.conversation.answered,
    awaiting_answer_since: toIso(i.conversation.awaitingSince),
  };
}

/** The first contact: the first conversation, else the profile's creation. */
export const firstContactOf = (c: Profile, facts: CustomerFacts) =>
  facts.firstConversationAt && facts.firstConversationAt < c.createdAt
    ? facts.firstConversationAt
    : c.createdAt;

export function presentSummary(
  c: Profile,
  facts: CustomerFacts,
  names: ReadonlyMap<string, string>,
  value: CustomerValue,
): Omit<z.infer<typeof customerSummaryView>, keyof typeof glanceShape> {
  const named = (id: string | null) => (id ? { id, name: names.get(id) ?? "" } : null);
  return {
    id: c.id,
    name: c.name,
    customer_since: value.tenure.since.toISOString(),
    tenure_days: value.tenure.days,
    conversations: { open: facts.conversationsOpen, total: facts.conversationsTotal },
    last_contact_at: toIso(facts.lastContactAt),
    advisor: named(c.advisorId),
    backup: named(c.backupId),
    preferred_language: c.preferredLanguage,
    organisation: presentCustomer(c).organisation,
    important_dates: c.importantDates.map((d) => ({ kind: d.kind, date: d.date })),
    value: presentValue(value),
  };
}
