// The inbox: one view at a time (the unanswered watch, soonest due then most urgent first; waiting,
// resolved, all, snoozed, list mail, spam), each tab with its count; one brand or all, only mine or
// everyone's, one tag or all, searchable, paged with "load more" while new conversations come on top. Rows can be
// selected and changed together. The filters live in the address so Back returns to them.
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { parseInboxView, searchView } from "../../display/inbox-views.ts";
import { useBrands } from "../../hooks/use-brands.ts";
import { useInboxList, useViewCounts } from "../../hooks/use-inbox-list.ts";
import { useNow } from "../../hooks/use-now.ts";
import { useRefresh } from "../../hooks/use-refresh.ts";
import { useSelection } from "../../hooks/use-selection.ts";
import { useMe } from "../../hooks/use-session.tsx";
import { useUsers } from "../../hooks/use-users.ts";
import { LoadMore } from "../common/load-more.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { ConversationList } from "./conversation-list.tsx";
import { InboxFilters } from "./inbox-filters.tsx";
import { SelectionBar } from "./selection-bar.tsx";

// Until the realtime stream exists, new conversations are looked for this often; the tabs' counts,
// dearer to read, less often.
const REFRESH_MS = 15_000;
const COUNTS_REFRESH_MS = 60_000;

export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const searching = q.trim() !== "";
  const requested = parseInboxView(params.get("view"));
  const view = searching ? searchView(requested) : requested;
  const mine = params.get("mine") === "1";
  const brand = params.get("brand");
  const tag = params.get("tag");
  const brands = useBrands();
  const users = useUsers();
  const me = useMe();
  const list = useInboxList({ view, mine, q, brand, tag });
  const counts = useViewCounts(mine, brand);
  const now = useNow(REFRESH_MS);
  const [activeId, setActiveId] = useState<string | null>(null);
  const { refresh: refreshList, reload: reloadList } = list;
  const { reload: reloadCounts } = counts;
  useRefresh(refreshList, REFRESH_MS);
  useRefresh(reloadCounts, COUNTS_REFRESH_MS);
  const afterChange = useCallback(() => {
    reloadList();
    reloadCounts();
  }, [reloadList, reloadCounts]);
  const selection = useSelection(afterChange);

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
    : view === "unanswered" || view === "spam" || view === "bulk" || view === "snoozed"
      ? t(`inbox.empty.${view}`)
      : t("inbox.empty.other");
  const hint =
    view === "unanswered" || view === "spam" || view === "bulk" || view === "snoozed"
      ? t(`inbox.${view === "unanswered" ? "watch" : view}Hint`)
      : null;
  const subjectOf = (id: string) =>
    list.items.find((row) => row.id === id)?.subject || t("inbox.noSubject");
  const assignToMe = () => {
    const ids = selection.selected.size > 0 ? [...selection.selected] : activeId ? [activeId] : [];
    void selection.apply(ids, { assignee_id: me.user.id });
  };

  return (
    <div className="page page--inbox">
      <PageHeading title={t("inbox.title")} />
      <InboxFilters
        view={view}
        mine={mine}
        q={q}
        brand={brand}
        brands={brands}
        counts={counts.state.status === "ready" ? counts.state.data : null}
        tag={tag}
        params={params}
        onMineChange={(value) => setFilter({ mine: value })}
        onBrandChange={(value) => setFilter({ brand: value })}
        onSearch={(value) => setFilter({ q: value })}
      />
      {hint ? <p className="inbox-hint">{hint}</p> : null}
      {selection.selected.size > 0 ? (
        <SelectionBar
          count={selection.selected.size}
          users={users}
          busy={selection.busy}
          onApply={(change) => void selection.apply([...selection.selected], change)}
          onClear={selection.clear}
        />
      ) : null}
      {selection.outcome ? (
        <div className="selection-outcome" role="status">
          <p>{t("inbox.selection.done", { count: selection.outcome.changed })}</p>
          {selection.outcome.refused.map((refusal) => (
            <p key={refusal.id} className="selection-outcome__refused">
              {t("inbox.selection.refused", {
                subject: subjectOf(refusal.id),
                detail: refusal.detail,
              })}
            </p>
          ))}
        </div>
      ) : null}
      {selection.error ? <ProblemMessage error={selection.error} /> : null}
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
            activeId={activeId}
            onActivate={setActiveId}
            selected={selection.selected}
            onToggle={selection.toggle}
            onAssignToMe={assignToMe}
          />
          <LoadMore list={list} label={t("inbox.loadMore")} end={t("inbox.end")} />
        </>
      ) : null}
      <p className="shortcut-hint">{t("inbox.shortcutHint")}</p>
    </div>
  );
}
