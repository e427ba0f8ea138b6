// "My customers": the customers I am the advisor or the backup of, newest first, each with the
// conversations that wait for an answer and the time left; paged with "load more".
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchMyCustomers, type PortfolioCustomer } from "../../api/transfers.ts";
import { useNow } from "../../hooks/use-now.ts";
import { usePagedList } from "../../hooks/use-paged-list.ts";
import { DueTime } from "../common/due-label.tsx";
import { LoadMore } from "../common/load-more.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";

export function MyCustomersPage() {
  const { t } = useTranslation();
  const now = useNow();
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => fetchMyCustomers(cursor, signal),
    [],
  );
  const list = usePagedList("my-customers", fetchPage, (c: PortfolioCustomer) => c.id);

  return (
    <div className="page page--customers">
      <PageHeading title={t("myCustomers.title")} />
      <p className="field__hint">{t("myCustomers.intro")}</p>
      {list.status === "loading" ? <LoadingState /> : null}
      {list.status === "error" ? <ProblemMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === "ready" && list.items.length === 0 ? (
        <p className="empty-state">{t("myCustomers.empty")}</p>
      ) : null}
      {list.status === "ready" && list.items.length > 0 ? (
        <>
          <table className="customers-table portfolio-table">
            <thead>
              <tr>
                <th scope="col">{t("myCustomers.customer")}</th>
                <th scope="col">{t("myCustomers.role")}</th>
                <th scope="col">{t("myCustomers.waiting")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((customer) => (
                <tr key={customer.id}>
                  <td>
                    <Link to={`/customers/${customer.id}`}>
                      {customer.name || t("inbox.unknownCustomer")}
                    </Link>
                  </td>
                  <td>{t(`myCustomers.as.${customer.role}`)}</td>
                  <td>
                    {customer.waiting.length === 0 ? (
                      <span className="portfolio__calm">{t("myCustomers.nobodyWaits")}</span>
                    ) : (
                      <ul className="portfolio__waiting">
                        {customer.waiting.map((w) => (
                          <li key={w.conversation_id}>
                            <Link to={`/conversations/${w.conversation_id}`}>
                              [#{w.reference}] {w.subject || t("inbox.noSubject")}
                            </Link>{" "}
                            <DueTime dueAt={w.due_at} now={now} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore list={list} label={t("myCustomers.more")} />
        </>
      ) : null}
    </div>
  );
}
