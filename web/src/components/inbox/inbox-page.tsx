// The inbox: one view at a time (the unanswered watch, soonest due first; waiting, resolved, all,
// spam), one brand or all, only mine or everyone's, searchable, paged with "load more". The
// filters live in the address so Back returns to them.
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { parseInboxView, searchView } from "../../display/inbox-views.ts";
import { useBrands } from "../../hooks/use-brands.ts";
import { useInboxList } from "../../hooks/use-inbox-list.ts";
import { useNow } from "../../hooks/use-now.ts";
import { useRefresh } from "../../hooks/use-refresh.ts";
import { LoadMore } from "../common/load-more.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { ConversationList } from "./conversation-list.tsx";
import { InboxFilters } from "./inbox-filters.tsx";

const REFRESH_MS = 30_000;

export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const searching = q.trim() !== "";
  const requested = parseInboxView(params.get("view"));
  const view = searching ? searchView(requested) : requested;
  const mine = params.get("mine") === "1";
  const brand = params.get("brand");
  const brands = useBrands();
  const list = useInboxList({ view, mine, q, brand });
  const now = useNow(REFRESH_MS);
  useRefresh(list.refresh, REFRESH_MS);

  const setFilter = (change: { mine?: boolean; q?: string; brand?: string | null }) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (change.mine !== undefined) {
          if (change.mine) next.set("mine", "1");
          else next.delete("mine");
        }
        if (change.brand !== undefined) {
          if (change.brand) next.set("brand", change.brand);
          else next.delete("brand");
        }
        if (change.q !== undefined) {
          if (change.q.trim() === "") {
            next.delete("q");
          } else {
            next.set("q", change.q);
            const searched = searchView(parseInboxView(next.get("view")));
            if (searched === "unanswered") next.delete("view");
            else next.set("view", searched);
          }
        }
        return next;
      },
      { replace: true },
    );
  };

  const emptyText = searching
    ? t("inbox.empty.search", { q })
    : view === "unanswered"
      ? t("inbox.empty.unanswered")
      : view === "spam"
        ? t("inbox.empty.spam")
        : view === "bulk"
          ? t("inbox.empty.bulk")
          : t("inbox.empty.other");

  return (
    <div className="page page--inbox">
      <PageHeading title={t("inbox.title")} />
      <InboxFilters
        view={view}
        mine={mine}
        q={q}
        brand={brand}
        brands={brands}
        params={params}
        onMineChange={(value) => setFilter({ mine: value })}
        onBrandChange={(value) => setFilter({ brand: value })}
        onSearch={(value) => setFilter({ q: value })}
      />
      {view === "unanswered" ? <p className="inbox-hint">{t("inbox.watchHint")}</p> : null}
      {view === "spam" ? <p className="inbox-hint">{t("inbox.spamHint")}</p> : null}
      {view === "bulk" ? <p className="inbox-hint">{t("inbox.bulkHint")}</p> : null}
      {list.status === "loading" ? <LoadingState /> : null}
      {list.status === "error" ? <ProblemMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === "ready" && list.items.length === 0 ? (
        <p className="empty-state">{emptyText}</p>
      ) : null}
      {list.status === "ready" && list.items.length > 0 ? (
        <>
          <ConversationList
            conversations={list.items}
            brands={brands}
            now={now}
            inboxPath={params.size > 0 ? `/?${params.toString()}` : "/"}
          />
          <LoadMore list={list} label={t("inbox.loadMore")} end={t("inbox.end")} />
        </>
      ) : null}
      <p className="shortcut-hint">{t("inbox.shortcutHint")}</p>
    </div>
  );
}
