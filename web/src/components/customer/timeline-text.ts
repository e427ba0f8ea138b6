// A timeline entry in words, in the console's language: its category ("Reply", "Promise"), the
// sentence saying what happened and by whom, and one line per field it changed.
import type { TFunction } from "i18next";
import { CLOSE_REASONS, CONVERSATION_STATUSES, PRIORITIES } from "../../api/types.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { languageName } from "../../display/language-name.ts";
import { oneOf, readable } from "../../display/one-of.ts";
import type { FieldChange, TimelineFact, TimelineLine } from "../../display/timeline-entry.ts";
import { channelLabel } from "../common/channel-label.ts";

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
  | "other";

export type TimelineTone = "normal" | "warning" | "alert";

export type TimelineText = {
  category: TimelineCategory;
  tone: TimelineTone;
  sentence: string;
  changes: string[];
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
  "notes",
  "importantDates",
  "advisorId",
  "backupId",
  "organisationId",
] as const;

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
      return "profile";
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

function sentenceOf(fact: TimelineFact, context: TimelineContext): string {
  const { t, actor, locale } = context;
  switch (fact.kind) {
    case "message_received": {
      const wrote = fact.channel
        ? t("timeline.line.messageReceived", { actor, channel: channelLabel(t, fact.channel) })
        : t("timeline.line.messageReceivedPlain", { actor });
      return fact.spam ? `${wrote} ${t("timeline.line.scoredSpam")}` : wrote;
    }
    case "reply_written":
      return t("timeline.line.replyWritten", { actor });
    case "note_added":
      return t("timeline.line.noteAdded", { actor });
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
      return t("timeline.line.customerUpdated", { actor });
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
      return fact.answering ? `${logged} ${t("timeline.line.answering")}` : logged;
    }
    case "other":
      return t("timeline.line.other", { what: readable(fact.type), actor });
  }
}

/** A value in words, or null when it cannot be shown usefully (an id with no name, long text). */
function valueText(field: string, value: unknown, context: TimelineContext): string | null {
  const { t, locale } = context;
  if (value === null || value === undefined || value === "") return t("timeline.none");
  if (typeof value !== "string") {
    return typeof value === "number" || typeof value === "boolean" ? String(value) : null;
  }
  switch (field) {
    case "status":
      return oneOf(CONVERSATION_STATUSES, value) ? t(`status.${value}`) : value;
    case "priority":
      return oneOf(PRIORITIES, value) ? t(`priority.${value}`) : value;
    case "closeReason":
      return oneOf(CLOSE_REASONS, value) ? t(`closeReason.${value}`) : value;
    case "assigneeId":
    case "advisorId":
    case "backupId":
      return context.userName(value) ?? t("timeline.unknownUser");
    case "preferredLanguage":
      return languageName(value, locale);
    case "preferredChannel":
      return channelLabel(t, value);
    case "name":
    case "timeZone":
      return value;
    default:
      return null;
  }
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

export function timelineText(line: TimelineLine, context: TimelineContext): TimelineText {
  return {
    category: categoryOf(line.fact),
    tone: toneOf(line.fact),
    sentence: sentenceOf(line.fact, context),
    changes: line.changes.map((change) => changeText(change, context)),
  };
}
