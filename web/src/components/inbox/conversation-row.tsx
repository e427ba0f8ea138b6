// One conversation in the inbox: who, about what, where it stands, and how long before it is due.
// In the unanswered watch the time left leads the row, since it is what orders the list.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime, formatRelative } from "../../display/date-time.ts";
import { type InboxRow, isUnanswered } from "../../hooks/use-inbox-list.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { PriorityBadge, Reference, StatusBadge } from "../common/conversation-badges.tsx";
import { DueLabel, DueTime } from "../common/due-label.tsx";

type Props = {
  conversation: InboxRow;
  /** The brand's name, when the workspace has more than one. */
  brandName: string | null;
  now: Date;
  inboxPath: string;
};

export function ConversationRow({ conversation, brandName, now, inboxPath }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lastActivity = conversation.last_activity_at;
  const customer = conversation.customer.name || t("inbox.unknownCustomer");
  const watch = isUnanswered(conversation);
  const classes = [
    "conversation-row",
    conversation.status === "new" ? "conversation-row--new" : null,
    watch ? "conversation-row--watch" : null,
  ].filter(Boolean);

  return (
    <Link
      to={`/conversations/${encodeURIComponent(conversation.id)}`}
      state={{ inbox: inboxPath }}
      className={classes.join(" ")}
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
      </span>
      <span className="conversation-row__meta">
        <span className="conversation-row__badges">
          {conversation.spam ? (
            <span className="tag tag--spam">{t("conversation.spam")}</span>
          ) : null}
          <StatusBadge status={conversation.status} />
          <PriorityBadge priority={conversation.priority} />
        </span>
        <span className="conversation-row__times">
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
