// The inbox: one view at a time (unanswered, waiting, resolved, all), only mine or everyone's,
// searchable, paged with "load more". The filters live in the address so Back returns to them.
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { parseInboxView } from "../../display/inbox-views.ts";
import { useConversationList } from "../../hooks/use-conversation-list.ts";
import { useNow } from "../../hooks/use-now.ts";
import { useRefresh } from "../../hooks/use-refresh.ts";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { ConversationList } from "./conversation-list.tsx";
import { InboxFilters } from "./inbox-filters.tsx";

export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = parseInboxView(params.get("view"));
  const mine = params.get("mine") === "1";
  const q = params.get("q") ?? "";
  const list = useConversationList({ view, mine, q });
  const now = useNow();
  useRefresh(list.refresh);

  const setFilter = (change: { mine?: boolean; q?: string }) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (change.mine !== undefined) {
          if (change.mine) next.set("mine", "1");
          else next.delete("mine");
        }
        if (change.q !== undefined) {
          if (change.q.trim() === "") next.delete("q");
          else next.set("q", change.q);
        }
        return next;
      },
      { replace: true },
    );
  };

  const emptyText =
    q.trim() !== ""
      ? t("inbox.empty.search", { q })
      : view === "unanswered"
        ? t("inbox.empty.unanswered")
        : t("inbox.empty.other");

  return (
    <div className="page page--inbox">
      <PageHeading title={t("inbox.title")} />
      <InboxFilters
        view={view}
        mine={mine}
        q={q}
        params={params}
        onMineChange={(value) => setFilter({ mine: value })}
        onSearch={(value) => setFilter({ q: value })}
      />
      {list.status === "loading" ? <LoadingState /> : null}
      {list.status === "error" ? <ProblemMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === "ready" && list.items.length === 0 ? (
        <p className="empty-state">{emptyText}</p>
      ) : null}
      {list.status === "ready" && list.items.length > 0 ? (
        <>
          <ConversationList
            conversations={list.items}
            now={now}
            inboxPath={params.size > 0 ? `/?${params.toString()}` : "/"}
          />
          <div className="list-footer">
            {list.loadMoreError ? <ProblemMessage error={list.loadMoreError} /> : null}
            {list.hasMore ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={list.loadMore}
                disabled={list.loadingMore}
              >
                {list.loadingMore ? t("inbox.loadingMore") : t("inbox.loadMore")}
              </button>
            ) : (
              <p className="list-footer__end">{t("inbox.end")}</p>
            )}
          </div>
        </>
      ) : null}
      <p className="shortcut-hint">{t("inbox.shortcutHint")}</p>
    </div>
  );
}
