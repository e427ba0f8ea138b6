// Transfers to accept: the conversations someone asked me to take, newest first, each with who asks
// and why; the conversation page is where I accept or decline.
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchTransfersToAccept, type Transfer } from "../../api/transfers.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { usePagedList } from "../../hooks/use-paged-list.ts";
import { useRefresh } from "../../hooks/use-refresh.ts";
import { LoadMore } from "../common/load-more.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";

export function TransfersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => fetchTransfersToAccept(cursor, signal),
    [],
  );
  const list = usePagedList("transfers-to-accept", fetchPage, (x: Transfer) => x.id);
  useRefresh(list.refresh, 60_000, (e) => e.type === "conversation.updated");

  return (
    <div className="page page--customers">
      <PageHeading title={t("transfers.title")} />
      {list.status === "loading" ? <LoadingState /> : null}
      {list.status === "error" ? <ProblemMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === "ready" && list.items.length === 0 ? (
        <p className="empty-state">{t("transfers.empty")}</p>
      ) : null}
      {list.status === "ready" && list.items.length > 0 ? (
        <>
          <ul className="transfer-list">
            {list.items.map((x) => (
              <li key={x.id} className="transfer-list__item">
                <Link to={`/conversations/${x.conversation_id}`} className="transfer-list__link">
                  [#{x.conversation.reference}] {x.conversation.subject || t("inbox.noSubject")}
                </Link>
                <p>
                  {t("transfers.from", {
                    name: x.from_name ?? t("transfer.nobody"),
                    customer: x.conversation.customer_name || t("inbox.unknownCustomer"),
                    when: formatDateTime(x.created_at, locale),
                  })}
                </p>
                <p className="transfer-list__reason">{x.reason}</p>
              </li>
            ))}
          </ul>
          <LoadMore list={list} label={t("transfers.more")} />
        </>
      ) : null}
    </div>
  );
}
