// The inbox's view tabs with their counts, the inbox's own search box (the header's is the one "/"
// focuses), the brand filter (when there is more than one brand), the tag in force and the "only
// mine" switch.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ViewCounts } from "../../api/types.ts";
import { countLabel, INBOX_VIEWS, type InboxView } from "../../display/inbox-views.ts";
import type { Brands } from "../../hooks/use-brands.ts";
import { useLocale } from "../../hooks/use-locale.ts";

type Props = {
  view: InboxView;
  mine: boolean;
  q: string;
  brand: string | null;
  brands: Brands;
  /** The tabs' counts, once known. */
  counts: ViewCounts | null;
  tag: string | null;
  params: URLSearchParams;
  onMineChange: (mine: boolean) => void;
  onBrandChange: (brand: string | null) => void;
  onSearch: (q: string) => void;
};

const SEARCH_DELAY_MS = 300;

export function InboxFilters(props: Props) {
  const { view, mine, q, brand, brands, counts, tag, params } = props;
  const { onMineChange, onBrandChange, onSearch } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const countId = useId();
  const [draft, setDraft] = useState(q);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;

  // Follows the address when it changes from elsewhere (Back, a link).
  useEffect(() => setDraft(q), [q]);

  useEffect(() => {
    if (draft === q) return;
    const timer = window.setTimeout(() => onSearchRef.current(draft), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, q]);

  const viewLink = (target: InboxView) => {
    const next = new URLSearchParams(params);
    // The unanswered watch cannot be searched: going back to it leaves the search.
    if (target === "unanswered") {
      next.delete("view");
      next.delete("q");
    } else {
      next.set("view", target);
    }
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
            aria-describedby={
              counts?.counts[target] !== undefined ? `${countId}-${target}` : undefined
            }
          >
            {t(`inbox.views.${target}`)}
            {counts?.counts[target] !== undefined ? (
              // Read as the tab's description, so that its name stays the view's name.
              <span id={`${countId}-${target}`} className="view-tabs__count" aria-hidden="true">
                {countLabel(counts.counts[target], counts.more[target] ?? false, locale)}
              </span>
            ) : null}
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
              id="inbox-search"
              type="search"
              value={draft}
              placeholder={t("inbox.searchPlaceholder")}
              onChange={(event) => setDraft(event.target.value)}
            />
          </form>
        </search>
        {brands.list.length > 1 ? (
          <label className="inbox-filters__brand">
            <span className="visually-hidden">{t("inbox.brand")}</span>
            <select
              value={brand ?? ""}
              onChange={(event) => onBrandChange(event.target.value || null)}
            >
              <option value="">{t("inbox.allBrands")}</option>
              {brands.list.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {tag ? (
          <span className="inbox-filters__tag">
            <span className="tag tag--label">{t("inbox.tagFilter", { tag })}</span>
            <Link to={withoutTag(params)} className="link-button">
              {t("inbox.clearTag")}
            </Link>
          </span>
        ) : null}
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

function withoutTag(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.delete("tag");
  const text = next.toString();
  return text === "" ? "/" : `/?${text}`;
}
