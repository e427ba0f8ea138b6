// A timeline entry in words, in the console's language: its category ("Reply", "Promise"), the
// sentence saying what happened and by whom, the message's direction and first words, and one
// line per field it changed.
import type { TFunction } from "i18next";
import {
  CLOSE_REASONS,
  CONVERSATION_STATUSES,
  type MessageDirection,
  PRIORITIES,
} from "../../api/types.ts";
import { formatDate, formatDateTime } from "../../display/date-time.ts";
import { languageName } from "../../display/language-name.ts";
import { formatMoney } from "../../display/money.ts";
import { oneOf, readable } from "../../display/one-of.ts";
import { orderStatusLabel } from "../../display/order-status.ts";
import type { ProfileListChanges } from "../../display/profile-lists.ts";
import { routingSentences, shownParams } from "../../display/routing-reason.ts";
import type { FieldChange, TimelineFact, TimelineLine } from "../../display/timeline-entry.ts";
import { channelLabel } from "../common/channel-label.ts";
import { importantDateText } from "./important-date.ts";
import { preferenceText } from "./preference-text.ts";

export type TimelineCategory =
  | "message"
  | "reply"
  | "note"
  | "conversation"
  | "acknowledgement"
  | "delivery"
  | "sla"
  | "profile"
  | "call"
  | "visit"
  | "interaction"
  | "order"
  | "other";

export type TimelineTone = "normal" | "warning" | "alert";

export type TimelineText = {
  category: TimelineCategory;
  tone: TimelineTone;
  sentence: string;
  changes: string[];
  /** Which way the message went ("Received", "Sent", "Internal"), for the entries about one. */
  direction: { kind: MessageDirection; label: string } | null;
  /** The message's first words, plain text on one line. */
  excerpt: string | null;
};

export type TimelineContext = {
  t: TFunction;
  locale: string;
  /** The actor as the server named them. */
  actor: string;
  userName: (id: string) => string | null;
};

const WITHHELD_REASONS = [
  "automated",
  "spam",
  "forged_sender",
  "reply_in_open_thread",
  "rate_limited",
] as const;

const FIELDS = [
  "status",
  "priority",
  "assigneeId",
  "teamId",
  "closeReason",
  "name",
  "preferredLanguage",
  "timeZone",
  "preferredChannel",
  "contactTimes",
  "notes",
  "importantDates",
  "advisorId",
  "backupId",
  "organisationId",
  "transferToId",
  "emails",
  "phones",
  "customerSince",
  "orderedAt",
  "amountMinor",
  "currency",
  "customerId",
] as const;

const DIRECTIONS = ["inbound", "outbound", "note"] as const;

function categoryOf(fact: TimelineFact): TimelineCategory {
  switch (fact.kind) {
    case "message_received":
      return "message";
    case "reply_written":
      return "reply";
    case "note_added":
      return "note";
    case "conversation_created":
    case "status_changed":
    case "conversation_updated":
    case "rated":
    case "transfer":
    case "routed":
    case "escalated":
    case "priority_raised":
      return "conversation";
    case "acknowledgement_queued":
    case "acknowledgement_withheld":
      return "acknowledgement";
    case "message_delivered":
    case "message_delivery_failed":
      return "delivery";
    case "sla_warning":
    case "sla_breached":
      return "sla";
    case "customer_created":
    case "customer_updated":
    case "customer_merged":
    case "customer_merge_undone":
    case "customer_imported":
      return "profile";
    case "order_recorded":
    case "order_updated":
      return "order";
    case "interaction_logged":
      return fact.channel === "phone" ? "call" : fact.channel === "visit" ? "visit" : "interaction";
    case "other":
      return "other";
  }
}

function toneOf(fact: TimelineFact): TimelineTone {
  if (fact.kind === "sla_breached" || fact.kind === "message_delivery_failed") return "alert";
  if (fact.kind === "sla_warning") return "warning";
  return "normal";
}

function sentenceOf(line: TimelineLine, context: TimelineContext): string {
  const { fact, message } = line;
  const { t, locale, actor } = context;
  // Who wrote a message is its author (the customer, the advisor), as the message names them.
  const author = message?.author.name || actor;
  switch (fact.kind) {
    case "message_received": {
      const wrote = fact.channel
        ? t("timeline.line.messageReceived", {
            actor: author,
            channel: channelLabel(t, fact.channel),
          })
        : t("timeline.line.messageReceivedPlain", { actor: author });
      return fact.spam ? `${wrote} ${t("timeline.line.scoredSpam")}` : wrote;
    }
    case "reply_written":
      return message
        ? t("timeline.line.replyWrittenVia", {
            actor: author,
            channel: channelLabel(t, message.channel),
          })
        : t("timeline.line.replyWritten", { actor: author });
    case "note_added":
      return t("timeline.line.noteAdded", { actor: author });
    case "conversation_created": {
      const opened =
        fact.reference && fact.channel
          ? t("timeline.line.conversationCreated", {
              reference: fact.reference,
              channel: channelLabel(t, fact.channel),
            })
          : t("timeline.line.conversationCreatedPlain");
      return fact.linked ? `${opened} ${t("timeline.line.linked")}` : opened;
    }
    case "status_changed":
      return fact.byCustomerMessage
        ? t("timeline.line.reopenedByCustomer")
        : t("timeline.line.statusChanged", { actor });
    case "conversation_updated":
      return t("timeline.line.conversationUpdated", { actor });
    case "rated":
      return fact.comment
        ? t("timeline.line.ratedWithComment", { actor, score: fact.score, comment: fact.comment })
        : t("timeline.line.rated", { actor, score: fact.score });
    case "acknowledgement_queued":
      return fact.language
        ? t("timeline.line.acknowledgementQueued", {
            language: languageName(fact.language, locale),
          })
        : t("timeline.line.acknowledgementQueuedPlain");
    case "acknowledgement_withheld":
      if (!fact.reason) return t("timeline.line.acknowledgementWithheldPlain");
      return t("timeline.line.acknowledgementWithheld", {
        reason: oneOf(WITHHELD_REASONS, fact.reason)
          ? t(`timeline.withheld.${fact.reason}`)
          : readable(fact.reason).toLowerCase(),
      });
    case "message_delivered":
      return fact.automated ? t("timeline.line.automatedDelivered") : t("timeline.line.delivered");
    case "message_delivery_failed": {
      const failed = fact.automated
        ? t("timeline.line.automatedDeliveryFailed")
        : t("timeline.line.deliveryFailed");
      return fact.error
        ? `${failed} ${t("timeline.line.relaySaid", { error: fact.error })}`
        : failed;
    }
    case "sla_warning":
      return fact.alert === "warn_assignee"
        ? t("timeline.line.slaWarnAssignee")
        : fact.alert === "warn_manager"
          ? fact.recipient
            ? t("timeline.line.slaWarnManagerNamed", { name: fact.recipient })
            : t("timeline.line.slaWarnManager")
          : t("timeline.line.slaWarning");
    case "sla_breached":
      return fact.dueAt
        ? t("timeline.line.slaBreached", { when: formatDateTime(fact.dueAt, locale) })
        : t("timeline.line.slaBreachedPlain");
    case "customer_created":
      return t("timeline.line.customerCreated");
    case "customer_updated":
      return fact.lists
        ? listsSentence(fact.lists, context)
        : t("timeline.line.customerUpdated", { actor });
    case "customer_merged":
    case "customer_merge_undone": {
      const names = {
        actor,
        other: fact.otherName || t("inbox.unknownCustomer"),
        customer: fact.customerName || t("inbox.unknownCustomer"),
      };
      return fact.kind === "customer_merged"
        ? t("timeline.line.customerMerged", names)
        : t("timeline.line.customerMergeUndone", names);
    }
    case "customer_imported":
      return fact.externalId
        ? t("timeline.line.customerImported", { reference: fact.externalId })
        : t("timeline.line.customerImportedPlain");
    case "order_recorded":
    case "order_updated": {
      const reference = fact.externalId ?? "";
      const said =
        fact.kind === "order_recorded"
          ? t("timeline.line.orderRecorded", { reference })
          : t("timeline.line.orderUpdated", { reference, actor });
      const amount =
        fact.amountMinor !== null && fact.currency
          ? formatMoney(fact.amountMinor, fact.currency, locale)
          : null;
      const status = fact.status ? orderStatusLabel(t, fact.status) : null;
      const detail = [amount, status].filter((w) => w !== null).join(", ");
      return detail ? `${said} ${detail}.` : said;
    }
    case "interaction_logged": {
      const inbound = fact.direction === "inbound";
      const logged =
        fact.channel === "phone"
          ? inbound
            ? t("timeline.line.callInbound", { actor })
            : t("timeline.line.callOutbound", { actor })
          : fact.channel === "visit"
            ? inbound
              ? t("timeline.line.visitInbound", { actor })
              : t("timeline.line.visitOutbound", { actor })
            : t("timeline.line.interactionLogged", { actor });
      const parts = [logged];
      if (fact.occurredAt) {
        parts.push(t("timeline.line.tookPlace", { when: formatDateTime(fact.occurredAt, locale) }));
      }
      if (fact.durationMinutes !== null) {
        const duration = new Intl.NumberFormat(locale, {
          style: "unit",
          unit: "minute",
          unitDisplay: "long",
        }).format(fact.durationMinutes);
        parts.push(t("timeline.line.lasted", { duration }));
      }
      if (fact.answering) parts.push(t("timeline.line.answering"));
      return parts.join(" ");
    }
    case "transfer": {
      const to =
        fact.toName ??
        (fact.toId ? context.userName(fact.toId) : null) ??
        t("timeline.unknownUser");
      const reason = fact.reason ?? "";
      return t(`timeline.line.transfer.${fact.step}`, { actor, to, reason });
    }
    case "routed":
      return fact.reason
        ? routingSentences(fact.reason)
            .map((s) => t(s.key, shownParams(s.params, locale)))
            .join(" ")
        : t("timeline.line.conversationUpdated", { actor });
    case "escalated":
      return t(fact.byCustomer ? "routing.escalatedByCustomer" : "routing.escalatedByAdvisor", {
        name: fact.manager ?? "",
      });
    case "priority_raised":
      return t("routing.urgentWords", {
        words: fact.words.map((word) => t("routing.quoted", { word })).join(", "),
      });
    case "other":
      return t("timeline.line.other", { what: readable(fact.type), actor });
  }
}

/** "Léa added a preference: Diet — allergic to nuts. Léa removed the tag vip." */
function listsSentence(lists: ProfileListChanges, context: TimelineContext): string {
  const { t, locale, actor } = context;
  const list = (words: string[]) =>
    new Intl.ListFormat(locale, { type: "conjunction" }).format(words);
  const said: string[] = [];
  type Said =
    | "glance.timeline.preferenceAdded"
    | "glance.timeline.preferenceRemoved"
    | "glance.timeline.tagAdded"
    | "glance.timeline.tagRemoved";
  const say = (key: Said, words: string[]) => {
    if (words.length > 0) said.push(t(key, { actor, what: list(words), count: words.length }));
  };
  say(
    "glance.timeline.preferenceAdded",
    lists.preferencesAdded.map((p) => preferenceText(t, p)),
  );
  say(
    "glance.timeline.preferenceRemoved",
    lists.preferencesRemoved.map((p) => preferenceText(t, p)),
  );
  say("glance.timeline.tagAdded", lists.tagsAdded);
  say("glance.timeline.tagRemoved", lists.tagsRemoved);
  return said.join(" ");
}

/** A value in words, or null when it cannot be shown usefully (an id with no name, long text). */
function valueText(field: string, value: unknown, context: TimelineContext): string | null {
  const { t, locale } = context;
  if (value === null || value === undefined || value === "") return t("timeline.none");
  if (Array.isArray(value)) return listText(field, value, context);
  if (typeof value !== "string") {
    return typeof value === "number" || typeof value === "boolean" ? String(value) : null;
  }
  switch (field) {
    case "status":
      return oneOf(CONVERSATION_STATUSES, value)
        ? t(`status.${value}`)
        : orderStatusLabel(t, value);
    case "priority":
      return oneOf(PRIORITIES, value) ? t(`priority.${value}`) : value;
    case "closeReason":
      return oneOf(CLOSE_REASONS, value) ? t(`closeReason.${value}`) : value;
    case "assigneeId":
    case "transferToId":
    case "advisorId":
    case "backupId":
      return context.userName(value) ?? t("timeline.unknownUser");
    case "preferredLanguage":
      return languageName(value, locale);
    case "preferredChannel":
      return channelLabel(t, value);
    case "name":
    case "timeZone":
    case "contactTimes":
    case "currency":
      return value;
    case "customerSince":
      return formatDate(value, locale);
    case "orderedAt":
      return formatDateTime(value, locale);
    default:
      return null;
  }
}

/** Addresses, numbers and important dates in a line; null for a list the console cannot word. */
function listText(field: string, values: unknown[], context: TimelineContext): string | null {
  const { t, locale } = context;
  if (values.length === 0) return t("timeline.none");
  const words: string[] = [];
  for (const value of values) {
    if ((field === "emails" || field === "phones") && typeof value === "string") {
      words.push(value);
    } else if (field === "importantDates" && value !== null && typeof value === "object") {
      const { kind, date } = value as { kind?: unknown; date?: unknown };
      if (typeof kind !== "string" || typeof date !== "string") return null;
      words.push(importantDateText(t, locale, { kind, date }));
    } else {
      return null;
    }
  }
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(words);
}

function changeText(change: FieldChange, context: TimelineContext): string {
  const { t } = context;
  const field = oneOf(FIELDS, change.field)
    ? t(`timeline.field.${change.field}`)
    : readable(change.field);
  const from = valueText(change.field, change.from, context);
  const to = valueText(change.field, change.to, context);
  return from !== null && to !== null
    ? t("timeline.change", { field, from, to })
    : t("timeline.changed", { field });
}

function directionOf(line: TimelineLine, t: TFunction): TimelineText["direction"] {
  const kind = line.message?.direction;
  if (!kind || !oneOf(DIRECTIONS, kind)) return null;
  return { kind, label: t(`timeline.direction.${kind}`) };
}

const listed = (fact: TimelineFact) => fact.kind === "customer_updated" && fact.lists !== null;

export function timelineText(line: TimelineLine, context: TimelineContext): TimelineText {
  return {
    category: categoryOf(line.fact),
    tone: toneOf(line.fact),
    sentence: sentenceOf(line, context),
    // Preferences and tags added or removed are said in the sentence already.
    changes: line.changes
      .filter((c) => !(listed(line.fact) && (c.field === "preferences" || c.field === "tags")))
      .map((change) => changeText(change, context)),
    direction: directionOf(line, context.t),
    excerpt: line.message?.excerpt || null,
  };
}
