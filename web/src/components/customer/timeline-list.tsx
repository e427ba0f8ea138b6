// The entries of a customer's timeline, newest first: what happened and by whom, what it changed,
// when, and a way to its conversation.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TimelineEntry } from "../../api/types.ts";
import { formatDateTime, formatRelative } from "../../display/date-time.ts";
import { timelineLine } from "../../display/timeline-entry.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import type { PagedList } from "../../hooks/use-paged-list.ts";
import type { Users } from "../../hooks/use-users.ts";
import { LoadMore } from "../common/load-more.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { timelineText } from "./timeline-text.ts";

type Props = { timeline: PagedList<TimelineEntry>; users: Users; now: Date };

export function TimelineList({ timeline, users, now }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (timeline.status === "loading") return <LoadingState />;
  if (timeline.status === "error")
    return <ProblemMessage error={timeline.error} onRetry={timeline.reload} />;
  if (timeline.items.length === 0) return <p className="empty-state">{t("timeline.empty")}</p>;

  const userName = (id: string) => users.byId.get(id)?.name ?? null;

  return (
    <>
      <ol className="timeline">
        {timeline.items.map((entry) => {
          const text = timelineText(timelineLine(entry), {
            t,
            locale,
            actor: entry.actor.name || t("timeline.someone"),
            userName,
          });
          return (
            <li
              key={entry.id}
              className={`timeline__entry timeline__entry--${text.category} timeline__entry--${text.tone}`}
            >
              <span className="timeline__type">{t(`timeline.category.${text.category}`)}</span>
              <time
                className="timeline__time"
                dateTime={entry.created_at}
                title={formatDateTime(entry.created_at, locale)}
              >
                {formatRelative(entry.created_at, now, locale)}
              </time>
              <p className="timeline__summary">{text.sentence}</p>
              {text.changes.length > 0 ? (
                <ul className="timeline__changes">
                  {text.changes.map((change) => (
                    <li key={change}>{change}</li>
                  ))}
                </ul>
              ) : null}
              {entry.conversation_id ? (
                <Link
                  to={`/conversations/${encodeURIComponent(entry.conversation_id)}`}
                  className="timeline__link"
                >
                  {t("timeline.openConversation")}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ol>
      <LoadMore list={timeline} label={t("timeline.loadMore")} />
    </>
  );
}
