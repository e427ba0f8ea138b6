// One conversation in the inbox: who, about what, the last message's opening words, who holds it
// and whom it was escalated to, where it stands (owed an answer, snoozed, tags) and how long before
// it is due. In the unanswered watch the time left leads the row, since it is what orders the list.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime, formatRelative } from "../../display/date-time.ts";
import { type InboxRow, isUnanswered } from "../../hooks/use-inbox-list.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import {
  AnswerBadge,
  PriorityBadge,
  Reference,
  StatusBadge,
  Tags,
} from "../common/conversation-badges.tsx";
import { DueLabel, DueTime } from "../common/due-label.tsx";

type Props = {
  conversation: InboxRow;
  /** The brand's name, when the workspace has more than one. */
  brandName: string | null;
  now: Date;
  inboxPath: string;
  /** The row the keyboard is on (j/k). */
  active: boolean;
};

export function ConversationRow({ conversation, brandName, now, inboxPath, active }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lastActivity = conversation.last_activity_at;
  const customer = conversation.customer.name || t("inbox.unknownCustomer");
  const watch = isUnanswered(conversation);
  const snoozed =
    conversation.snoozed_until !== null && new Date(conversation.snoozed_until) > now
      ? conversation.snoozed_until
      : null;
  const classes = [
    "conversation-row",
    conversation.status === "new" ? "conversation-row--new" : null,
    watch ? "conversation-row--watch" : null,
    active ? "conversation-row--active" : null,
  ].filter(Boolean);
  const people = [
    conversation.assignee
      ? t("inbox.assignee", { name: conversation.assignee.name })
      : t("inbox.unassigned"),
    conversation.team ? t("inbox.team", { name: conversation.team.name }) : null,
    conversation.escalated_to
      ? t("inbox.escalatedTo", { name: conversation.escalated_to.name })
      : null,
  ].filter(Boolean);

  return (
    <Link
      to={`/conversations/${encodeURIComponent(conversation.id)}`}
      state={{ inbox: inboxPath }}
      className={classes.join(" ")}
      aria-current={active ? "true" : undefined}
      data-conversation-id={conversation.id}
    >
      {watch ? (
        <span className="conversation-row__time-left">
          <span className="visually-hidden">{t("inbox.timeLeft")}: </span>
          <DueTime dueAt={conversation.due_at} now={now} variant="prominent" />
        </span>
      ) : null}
      <span className="conversation-row__main">
        <span className="conversation-row__title">
          <Reference reference={conversation.reference} />
          <span className="conversation-row__subject">
            {conversation.subject || t("inbox.noSubject")}
          </span>
        </span>
        <span className="conversation-row__customer">
          <span className="conversation-row__name">{customer}</span>
          {brandName ? <span className="conversation-row__brand">{brandName}</span> : null}
        </span>
        {conversation.preview ? (
          <span className="conversation-row__preview">
            <span className="visually-hidden">{t("inbox.preview")}: </span>
            {conversation.preview}
          </span>
        ) : null}
        <span className="conversation-row__people">{people.join(" · ")}</span>
      </span>
      <span className="conversation-row__meta">
        <span className="conversation-row__badges">
          {conversation.spam ? (
            <span className="tag tag--spam">{t("conversation.spam")}</span>
          ) : null}
          <AnswerBadge conversation={conversation} />
          <StatusBadge status={conversation.status} />
          <PriorityBadge priority={conversation.priority} />
        </span>
        <Tags tags={conversation.tags} />
        <span className="conversation-row__times">
          {snoozed ? (
            <span className="conversation-row__snoozed">
              {t("inbox.snoozedUntil", { when: formatDateTime(snoozed, locale) })}
            </span>
          ) : null}
          {watch ? null : <DueLabel conversation={conversation} now={now} />}
          <time
            className="conversation-row__updated"
            dateTime={lastActivity}
            title={formatDateTime(lastActivity, locale)}
          >
            <span className="visually-hidden">{t("inbox.updated")} </span>
            {formatRelative(lastActivity, now, locale)}
          </time>
        </span>
      </span>
    </Link>
  );
}
