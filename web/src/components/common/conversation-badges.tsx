// The small labels a conversation carries everywhere: its status, its priority, its reference,
// whether it is owed an answer, its tags.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Conversation, ConversationStatus, Priority } from "../../api/types.ts";

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--status-${status}`}>{t(`status.${status}`)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <span className={`priority priority--${priority}`}>
      <span className="visually-hidden">{t("conversation.priority")}: </span>
      {t(`priority.${priority}`)}
    </span>
  );
}

export function Reference({ reference }: { reference: string }) {
  return <span className="reference">#{reference}</span>;
}

/**
 * Whether the customer is owed an answer, from the server's one rule (`owed_answer`): "Owed an
 * answer" while a message waits, "Answered" only once none does. Spam and list mail owe nothing.
 */
export function AnswerBadge({
  conversation,
}: {
  conversation: Pick<Conversation, "owed_answer" | "answered" | "spam" | "bulk">;
}) {
  const { t } = useTranslation();
  if (conversation.spam || conversation.bulk) return null;
  if (conversation.owed_answer) {
    return <span className="answered answered--no">{t("conversation.owed")}</span>;
  }
  return conversation.answered ? (
    <span className="answered answered--yes">{t("conversation.answered")}</span>
  ) : null;
}

/** `linked`: each tag leads to the conversations carrying it (not inside a row, itself a link). */
export function Tags({ tags, linked = false }: { tags: readonly string[]; linked?: boolean }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <span className="tags">
      <span className="visually-hidden">{t("inbox.tags")}: </span>
      {tags.map((tag) =>
        linked ? (
          <Link
            key={tag}
            to={`/?view=all&tag=${encodeURIComponent(tag)}`}
            className="tag tag--label"
          >
            {tag}
          </Link>
        ) : (
          <span key={tag} className="tag tag--label">
            {tag}
          </span>
        ),
      )}
    </span>
  );
}
