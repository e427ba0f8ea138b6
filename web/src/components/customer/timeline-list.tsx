// The entries of a customer's timeline, newest first, gathered under their conversations (subject,
// reference, a way to open it): what happened and by whom, which way a message went and its first
// words, what a change changed, and when.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TimelineConversation, TimelineEntry } from "../../api/types.ts";
import { formatDateTime, formatRelative } from "../../display/date-time.ts";
import { groupTimeline, timelineLine } from "../../display/timeline-entry.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import type { PagedList } from "../../hooks/use-paged-list.ts";
import type { Users } from "../../hooks/use-users.ts";
import { LoadMore } from "../common/load-more.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { UndoMergeButton } from "./merge-suggestions.tsx";
import { timelineText } from "./timeline-text.ts";

type Props = { timeline: PagedList<TimelineEntry>; users: Users; now: Date };

export function TimelineList({ timeline, users, now }: Props) {
  const { t } = useTranslation();
  if (timeline.status === "loading") return <LoadingState />;
  if (timeline.status === "error")
    return <ProblemMessage error={timeline.error} onRetry={timeline.reload} />;
  if (timeline.items.length === 0) return <p className="empty-state">{t("timeline.empty")}</p>;

  return (
    <>
      <ol className="timeline">
        {groupTimeline(timeline.items).map((group) =>
          group.conversation ? (
            <ConversationGroup
              key={`c:${group.conversation.id}`}
              conversation={group.conversation}
              entries={group.entries}
              users={users}
              now={now}
            />
          ) : (
            group.entries.map((entry) => (
              <EntryItem key={entry.id} entry={entry} users={users} now={now} />
            ))
          ),
        )}
      </ol>
      <LoadMore list={timeline} label={t("timeline.loadMore")} />
    </>
  );
}

type GroupProps = {
  conversation: TimelineConversation;
  entries: TimelineEntry[];
  users: Users;
  now: Date;
};

function ConversationGroup({ conversation, entries, users, now }: GroupProps) {
  const { t } = useTranslation();
  const titleId = `timeline-conversation-${conversation.id}`;
  return (
    <li className="timeline__group" aria-labelledby={titleId}>
      <h3 id={titleId} className="timeline__group-title">
        <Link to={`/conversations/${encodeURIComponent(conversation.id)}`}>
          {conversation.subject || t("timeline.noSubject")}
        </Link>{" "}
        <span className="timeline__group-reference">
          {t("timeline.conversationGroup", { reference: conversation.reference })} ·{" "}
          {t(`status.${conversation.status}`)}
        </span>
      </h3>
      <ol className="timeline timeline--nested">
        {entries.map((entry) => (
          <EntryItem key={entry.id} entry={entry} users={users} now={now} grouped />
        ))}
      </ol>
    </li>
  );
}

type EntryProps = { entry: TimelineEntry; users: Users; now: Date; grouped?: boolean };

function EntryItem({ entry, users, now, grouped = false }: EntryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = timelineText(timelineLine(entry), {
    t,
    locale,
    actor: entry.actor.name || t("timeline.someone"),
    userName: (id) => users.byId.get(id)?.name ?? null,
  });
  return (
    <li
      className={`timeline__entry timeline__entry--${text.category} timeline__entry--${text.tone}`}
    >
      <span className="timeline__type">
        {t(`timeline.category.${text.category}`)}
        {text.direction ? (
          <span className={`timeline__direction timeline__direction--${text.direction.kind}`}>
            {text.direction.label}
          </span>
        ) : null}
      </span>
      <time
        className="timeline__time"
        dateTime={entry.created_at}
        title={formatDateTime(entry.created_at, locale)}
      >
        {formatRelative(entry.created_at, now, locale)}
      </time>
      <p className="timeline__summary">{text.sentence}</p>
      {text.excerpt ? <blockquote className="timeline__excerpt">{text.excerpt}</blockquote> : null}
      {text.changes.length > 0 ? (
        <ul className="timeline__changes">
          {text.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      ) : null}
      {text.category === "profile" && entry.type === "customer.merged" ? (
        <MergeEntryUndo entry={entry} />
      ) : null}
      {entry.conversation_id && !grouped ? (
        <Link
          to={`/conversations/${encodeURIComponent(entry.conversation_id)}`}
          className="timeline__link"
        >
          {t("timeline.openConversation")}
        </Link>
      ) : null}
    </li>
  );
}

/** The Undo of a merge, from its timeline entry. */
function MergeEntryUndo({ entry }: { entry: TimelineEntry }) {
  const line = timelineLine(entry);
  if (line.fact.kind !== "customer_merged" || !line.fact.mergeId) return null;
  const ids = [line.fact.customerId, line.fact.otherId].filter((id): id is string => id !== null);
  return <UndoMergeButton mergeId={line.fact.mergeId} customerIds={ids} />;
}
