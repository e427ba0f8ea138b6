// The inbox's view tabs, the "only mine" switch and the search box ("/" focuses it).
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { INBOX_VIEWS, type InboxView } from "../../display/inbox-views.ts";

type Props = {
  view: InboxView;
  mine: boolean;
  q: string;
  params: URLSearchParams;
  onMineChange: (mine: boolean) => void;
  onSearch: (q: string) => void;
};

const SEARCH_DELAY_MS = 300;

export function InboxFilters({ view, mine, q, params, onMineChange, onSearch }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(q);
  const search = useRef<HTMLInputElement>(null);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;

  // Follows the address when it changes from elsewhere (Back, a link).
  useEffect(() => setDraft(q), [q]);

  useEffect(() => {
    if (draft === q) return;
    const timer = window.setTimeout(() => onSearchRef.current(draft), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, q]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      event.preventDefault();
      search.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const viewLink = (target: InboxView) => {
    const next = new URLSearchParams(params);
    if (target === "unanswered") next.delete("view");
    else next.set("view", target);
    const text = next.toString();
    return text === "" ? "/" : `/?${text}`;
  };

  return (
    <div className="inbox-filters">
      <nav aria-label={t("inbox.viewsLabel")} className="view-tabs">
        {INBOX_VIEWS.map((target) => (
          <Link
            key={target}
            to={viewLink(target)}
            className="view-tabs__tab"
            aria-current={target === view ? "page" : undefined}
          >
            {t(`inbox.views.${target}`)}
          </Link>
        ))}
      </nav>
      <div className="inbox-filters__row">
        <search className="search">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              onSearch(draft);
            }}
          >
            <label htmlFor="inbox-search" className="visually-hidden">
              {t("inbox.search")}
            </label>
            <input
              ref={search}
              id="inbox-search"
              type="search"
              value={draft}
              placeholder={t("inbox.searchPlaceholder")}
              onChange={(event) => setDraft(event.target.value)}
            />
          </form>
        </search>
        <label className="toggle">
          <input
            type="checkbox"
            checked={mine}
            onChange={(event) => onMineChange(event.target.checked)}
          />
          <span>{t("inbox.mine")}</span>
        </label>
      </div>
    </div>
  );
}
