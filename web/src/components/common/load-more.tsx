// The foot of a paged list: why the next page could not be had, the button that asks for it, or
// that there is no more.
import { useTranslation } from "react-i18next";
import type { PagedList } from "../../hooks/use-paged-list.ts";
import { ProblemMessage } from "./problem-message.tsx";

type Props = {
  list: Pick<PagedList<unknown>, "hasMore" | "loadingMore" | "loadMore" | "loadMoreError">;
  label: string;
  /** Said once the last page is shown, if anything. */
  end?: string;
};

export function LoadMore({ list, label, end }: Props) {
  const { t } = useTranslation();
  return (
    <div className="list-footer">
      {list.loadMoreError ? <ProblemMessage error={list.loadMoreError} /> : null}
      {list.hasMore ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={list.loadMore}
          disabled={list.loadingMore}
        >
          {list.loadingMore ? t("inbox.loadingMore") : label}
        </button>
      ) : end ? (
        <p className="list-footer__end">{end}</p>
      ) : null}
    </div>
  );
}
