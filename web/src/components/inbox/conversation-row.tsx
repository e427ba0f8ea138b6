// One conversation in the inbox: who, about what, where it stands, and how long before it is due.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Conversation } from "../../api/types.ts";
import { formatDateTime, formatRelative } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { PriorityBadge, Reference, StatusBadge } from "../common/conversation-badges.tsx";
import { DueLabel } from "../common/due-label.tsx";

type Props = { conversation: Conversation; now: Date; inboxPath: string };

export function ConversationRow({ conversation, now, inboxPath }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lastActivity = conversation.last_activity_at ?? conversation.updated_at;
  const customer =
    conversation.customer.name ?? conversation.customer.email ?? t("inbox.unknownCustomer");
  return (
    <Link
      to={`/conversations/${encodeURIComponent(conversation.id)}`}
      state={{ inbox: inboxPath }}
      className={`conversation-row${conversation.status === "new" ? " conversation-row--new" : ""}`}
    >
      <span className="conversation-row__main">
        <span className="conversation-row__title">
          <Reference reference={conversation.reference} />
          <span className="conversation-row__subject">
            {conversation.subject || t("inbox.noSubject")}
          </span>
        </span>
        <span className="conversation-row__customer">
          <span className="conversation-row__name">{customer}</span>
          {conversation.last_message_preview ? (
            <span className="conversation-row__preview">{conversation.last_message_preview}</span>
          ) : null}
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
          <DueLabel conversation={conversation} now={now} />
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
