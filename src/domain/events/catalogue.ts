// The event catalogue: every type the timeline and audit trail hold, each with the Zod schema of
// its `data` (snake_case). Schemas name what readers rely on and keep other fields, so payloads
// stored before a field was named still validate. `actor_name` is the writer's, on every event.
import { z } from "zod";

const id = z.string();
const reason = z.string();
const payload = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape);
const none = payload({});
/** A merge of two customers, or its undo: who into whom, and how many rows moved per table. */
const merge = payload({
  merge_id: id,
  customer_id: id,
  customer_name: z.string(),
  other_id: id,
  other_name: z.string(),
  moved: z.record(z.string(), z.number()),
});
/** An order as it stands after the event (amount in minor units, ISO 4217 currency). */
const order = {
  order_id: id,
  external_id: z.string(),
  ordered_at: z.string(),
  amount_minor: z.number(),
  currency: z.string(),
  status: z.string(),
};
/** A setting's audit event: the change is in before/after; data names the row when it helps. */
const setting = none;

export const eventCatalogue = {
  "customer.created": payload({ channel: z.string().optional(), source: z.string().optional() }),
  "customer.updated": payload({
    reason: reason.optional(),
    /** The profile's fields it changed (their values are in before/after). */
    fields: z.array(z.string()).optional(),
    /** Structured preferences added and removed (their lists are in before/after). */
    preferences: z
      .object({
        added: z.array(z.object({ kind: z.string(), text: z.string() })),
        removed: z.array(z.object({ kind: z.string(), text: z.string() })),
      })
      .optional(),
    /** Tags added and removed. */
    tags: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }).optional(),
    /** "import" when an import or the by-external-id API changed it. */
    source: z.string().optional(),
  }),
  /** Created by an import or the by-external-id API; its first values are in `after`. */
  "customer.imported": payload({ external_id: z.string() }),
  /** The person's data was erased on request; counts only, no personal data. */
  "customer.erased": payload({ conversations: z.number(), messages: z.number() }),
  /** `other_id` was merged into `customer_id`; on both timelines. `moved`: rows moved, per table. */
  "customer.merged": merge,
  /** The merge was undone: both profiles as they were, plus what came since through `other`'s identities. */
  "customer.merge_undone": merge,
  "conversation.created": payload({
    channel: z.string(),
    reference: z.string(),
    opened_by: z.enum(["advisor"]).optional(),
    linked_conversation_id: id.nullable().optional(),
  }),
  "conversation.updated": payload({ reason: reason.optional(), days: z.number().optional() }),
  "conversation.status_changed": payload({ reason }),
  "conversation.marked_spam": none,
  "conversation.marked_not_spam": none,
  "conversation.marked_bulk": none,
  "conversation.marked_owed_answer": none,
  /** Out of the advisor's active views until `until` or the customer's next message. */
  "conversation.snoozed": payload({ until: z.string() }),
  /** The customer rated the finished conversation (its `csat`); `via` says where. */
  "conversation.rated": payload({
    score: z.number(),
    comment: z.string().nullable(),
    via: z.enum(["portal"]),
  }),
  "conversation.unsnoozed": none,
  "conversation.purged": payload({ reason }),
  /** A transfer was asked: `to` holds it once accepted; the holder stays accountable until then. */
  "conversation.transfer_requested": payload({
    transfer_id: id,
    from_id: id.nullable(),
    to_id: id,
    to_name: z.string().optional(),
    reason,
    /** How many transfers of this conversation were asked, this one included (cancelled ones aside). */
    count: z.number().optional(),
  }),
  "conversation.transfer_accepted": payload({ transfer_id: id, from_id: id.nullable(), to_id: id }),
  "conversation.transfer_declined": payload({ transfer_id: id, to_id: id, reason }),
  "conversation.transfer_cancelled": payload({ transfer_id: id, to_id: id }),
  /** Its messages and subject were erased (the workspace's retention period); no personal data. */
  "conversation.erased": payload({ reason, days: z.number().nullable().optional() }),
  /** Who was given a new conversation and why (domain/routing/route-conversation.ts), names as then. */
  "conversation.routed": payload({
    code: z.string(),
    assignee_id: id.nullable(),
    assignee_name: z.string().nullable(),
    team_id: id.nullable().optional(),
    advisor_name: z.string().optional(),
    advisor_unavailable: z.looseObject({ why: z.string() }).optional(),
    backup_name: z.string().optional(),
    backup_unavailable: z.looseObject({ why: z.string() }).optional(),
    team_name: z.string().optional(),
  }),
  /** The customer's words called for a higher priority (domain/routing/urgency.ts). */
  "conversation.priority_raised": payload({ reason, words: z.array(z.string()) }),
  /** Given to the team's manager: the customer asked for one, or an advisor did. */
  "conversation.escalated": payload({
    reason: z.enum(["customer_request", "advisor_request"]),
    manager_id: id,
    manager_name: z.string(),
    words: z.string().optional(),
  }),
  "message.received": payload({ message_id: id, channel: z.string(), spam: z.boolean() }),
  "message.delivered": payload({ message_id: id, automated: z.boolean().optional() }),
  "message.delivery_failed": payload({
    message_id: id,
    automated: z.boolean().optional(),
    error: z.string().nullable().optional(),
  }),
  "message.delivery_delayed": payload({ message_id: id, reason }),
  "message.bounced": payload({
    message_id: id,
    kind: z.string(),
    reason,
    recipient: z.string().nullable().optional(),
    raw_blob_key: z.string().nullable().optional(),
  }),
  "reply.written": payload({ message_id: id }),
  "note.added": payload({ message_id: id }),
  "interaction.logged": payload({
    message_id: id,
    channel: z.enum(["phone", "visit"]),
    direction: z.enum(["inbound", "outbound"]),
    answering: z.boolean(),
    /** When the call or visit took place, when the advisor said (it is logged afterwards). */
    occurred_at: z.string().nullable().optional(),
    duration_minutes: z.number().nullable().optional(),
  }),
  "acknowledgement.queued": payload({ message_id: id, language: z.string() }),
  "acknowledgement.withheld": payload({
    reason,
    automation: z.array(z.string()).optional(),
  }),
  /** Mail kept but never a conversation: a bounce about nothing we sent, an auto-reply to nothing. */
  "mail.set_aside": payload({
    reason,
    raw_blob_key: z.string().nullable().optional(),
    /** The automation signs of an automatic reply (automation.ts). */
    automation: z.array(z.string()).optional(),
    /** For mail to a return path: what the bounce reader made of it, and its status code. */
    kind: z.string().optional(),
    status: z.string().nullable().optional(),
  }),
  "sla.warning": payload({
    kind: z.string(),
    due_at: z.string().nullable(),
    reference: z.string(),
    subject: z.string(),
    /** Whom it was escalated to, by name (events written before it carry only `recipient_id`). */
    recipient_name: z.string().nullable().optional(),
  }),
  "sla.breached": payload({
    kind: z.string(),
    due_at: z.string().nullable(),
    reference: z.string(),
    subject: z.string(),
  }),
  /** An order of the customer, as the shop said it; a change keeps the values before and after. */
  "order.recorded": payload(order),
  "order.updated": payload({ ...order, fields: z.array(z.string()).optional() }),
  "token.created": payload({ token_id: id.optional() }),
  "token.revoked": payload({ token_id: id }),
  "user.created": payload({ password_set: z.boolean().optional() }),
  "user.updated": setting,
  "team.created": setting,
  "team.updated": setting,
  "brand.created": setting,
  "brand.updated": payload({ brand_id: id.optional() }),
  "calendar.created": setting,
  "calendar.updated": setting,
  "sla_policy.created": setting,
  "sla_policy.updated": setting,
  "canned_answer.created": setting,
  "canned_answer.updated": setting,
  "canned_answer.deleted": setting,
  /** An IMAP mailbox feeding a brand; its password is never in the event (`password_changed` says so). */
  "mailbox.created": setting,
  "mailbox.updated": payload({ mailbox_id: id, password_changed: z.boolean().optional() }),
  "mailbox.deleted": payload({ mailbox_id: id }),
  "workspace.updated": setting,
  /** An organisation created or changed: the change is in before/after. */
  "organisation.created": payload({ organisation_id: id, name: z.string() }),
  "organisation.updated": payload({ organisation_id: id, name: z.string() }),
  /** A webhook subscription created, changed or deleted: the change (never the secret) in before/after. */
  "webhook.created": payload({ webhook_id: id, url: z.string() }),
  "webhook.updated": payload({ webhook_id: id, url: z.string() }),
  "webhook.deleted": payload({ webhook_id: id, url: z.string() }),
  /** A new signing secret replaced the old one (neither is ever written here). */
  "webhook.secret_rotated": payload({ webhook_id: id, url: z.string() }),
  /** Rapport disabled an endpoint that kept failing (domain/webhooks/delivery-policy.ts). */
  "webhook.disabled": payload({ webhook_id: id, url: z.string(), reason }),
  /** The demo story was written into the workspace: what it holds, counted. */
  "demo.loaded": payload({
    customers: z.number(),
    conversations: z.number(),
    /** Conversations by status as the story left them. */
    statuses: z.record(z.string(), z.number()),
  }),
} as const;

export type EventType = keyof typeof eventCatalogue;
export type EventData<T extends EventType> = z.input<(typeof eventCatalogue)[T]>;
/** A stored event's data as readers get it (the timeline API, the console). */
export type EventPayload<T extends EventType> = z.output<(typeof eventCatalogue)[T]>;

export const eventTypes = Object.keys(eventCatalogue) as EventType[];

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventCatalogue, type);

/** Checks a payload against its type's schema: what a writer must pass and a reader may expect. */
export function checkEventData(type: EventType, data: unknown) {
  return eventCatalogue[type].safeParse(data ?? {});
}
