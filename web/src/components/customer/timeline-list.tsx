// The entries of a customer's timeline, each with its date, its kind and a way to its conversation.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TimelineEntry } from "../../api/types.ts";
import { formatDateTime, formatRelative } from "../../display/date-time.ts";
import { oneOf, readable } from "../../display/one-of.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import type { PagedList } from "../../hooks/use-paged-list.ts";
import { LoadingState } from "../common/loading-state.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";

const ENTRY_TYPES = [
  "conversation",
  "message",
  "reply",
  "note",
  "call",
  "visit",
  "order",
  "gesture",
  "survey",
  "merge",
] as const;

type Props = { timeline: PagedList<TimelineEntry>; now: Date };

export function TimelineList({ timeline, now }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (timeline.status === "loading") return <LoadingState />;
  if (timeline.status === "error")
    return <ProblemMessage error={timeline.error} onRetry={timeline.reload} />;
  if (timeline.items.length === 0) return <p className="empty-state">{t("timeline.empty")}</p>;

  return (
    <>
      <ol className="timeline">
        {timeline.items.map((entry) => (
          <li key={entry.id} className={`timeline__entry timeline__entry--${entry.type}`}>
            <span className="timeline__type">
              {oneOf(ENTRY_TYPES, entry.type)
                ? t(`timeline.type.${entry.type}`)
                : readable(entry.type)}
            </span>
            <time
              className="timeline__time"
              dateTime={entry.created_at}
              title={formatDateTime(entry.created_at, locale)}
            >
              {formatRelative(entry.created_at, now, locale)}
            </time>
            <p className="timeline__summary">{entry.summary}</p>
            {entry.conversation_id ? (
              <Link
                to={`/conversations/${encodeURIComponent(entry.conversation_id)}`}
                className="timeline__link"
              >
                {t("timeline.openConversation")}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="list-footer">
        {timeline.loadMoreError ? <ProblemMessage error={timeline.loadMoreError} /> : null}
        {timeline.hasMore ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={timeline.loadMore}
            disabled={timeline.loadingMore}
          >
            {timeline.loadingMore ? t("inbox.loadingMore") : t("timeline.loadMore")}
          </button>
        ) : null}
      </div>
    </>
  );
}
