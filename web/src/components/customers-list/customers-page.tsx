// The customers: newest first, narrowed by words (name, email, phone), by advisor and by
// organisation, paged with "load more"; each row opens the customer. The filters live in the
// address so Back returns to them.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type CustomersFilter, listCustomers } from "../../api/search.ts";
import type { Customer } from "../../api/types.ts";
import { formatDate } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { usePagedList } from "../../hooks/use-paged-list.ts";
import { useUsers } from "../../hooks/use-users.ts";
import { LoadMore } from "../common/load-more.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { useSettled } from "../search/use-search-results.ts";

export function CustomersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const users = useUsers();
  const [params, setParams] = useSearchParams();
  const filter: CustomersFilter = {
    q: params.get("q") ?? "",
    advisor: params.get("advisor"),
    organisation: params.get("organisation"),
  };
  const [draft, setDraft] = useState(filter.q);
  const typed = useSettled(draft, 300);

  const setFilter = useCallback(
    (name: keyof CustomersFilter, value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value && value.trim() !== "") next.set(name, value);
          else next.delete(name);
          if (name === "organisation" && !value) next.delete("organisation_name");
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // Follows the address when it changes from elsewhere (Back, the header's search).
  useEffect(() => setDraft(filter.q), [filter.q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled words change the address.
  useEffect(() => {
    if (typed.trim() !== filter.q.trim()) setFilter("q", typed);
  }, [typed]);

  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      listCustomers(
        { q: filter.q, advisor: filter.advisor, organisation: filter.organisation },
        cursor,
        signal,
      ),
    [filter.q, filter.advisor, filter.organisation],
  );
  const list = usePagedList(
    JSON.stringify([filter.q.trim(), filter.advisor, filter.organisation]),
    fetchPage,
  );
  const organisationName =
    params.get("organisation_name") ??
    list.items.find((c) => c.organisation?.id === filter.organisation)?.organisation?.name ??
    "";

  const chooseOrganisation = (customer: Customer) => {
    if (!customer.organisation) return;
    const { id, name } = customer.organisation;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set("organisation", id);
        next.set("organisation_name", name);
        return next;
      },
      { replace: true },
    );
  };

  const filtered = filter.q.trim() !== "" || filter.advisor || filter.organisation;

  return (
    <div className="page page--customers">
      <PageHeading title={t("customersList.title")} />
      <div className="customers-filters">
        <search className="search">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setFilter("q", draft);
            }}
          >
            <label htmlFor="customers-search" className="visually-hidden">
              {t("customersList.search")}
            </label>
            <input
              id="customers-search"
              type="search"
              value={draft}
              placeholder={t("customersList.searchPlaceholder")}
              onChange={(event) => setDraft(event.target.value)}
            />
          </form>
        </search>
        <label className="customers-filters__advisor">
          <span className="visually-hidden">{t("customersList.advisor")}</span>
          <select
            value={filter.advisor ?? ""}
            onChange={(event) => setFilter("advisor", event.target.value || null)}
          >
            <option value="">{t("customersList.anyAdvisor")}</option>
            {users.list.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </label>
        {filter.organisation ? (
          <button
            type="button"
            className="button button--secondary customers-filters__organisation"
            onClick={() => setFilter("organisation", null)}
          >
            {t("customersList.organisationFilter", { name: organisationName })}
            <span aria-hidden="true"> ×</span>
          </button>
        ) : null}
      </div>
      {list.status === "loading" ? <LoadingState /> : null}
      {list.status === "error" ? <ProblemMessage error={list.error} onRetry={list.reload} /> : null}
      {list.status === "ready" && list.items.length === 0 ? (
        <p className="empty-state">
          {filtered ? t("customersList.emptyFiltered") : t("customersList.empty")}
        </p>
      ) : null}
      {list.status === "ready" && list.items.length > 0 ? (
        <>
          <table className="customers-table">
            <thead>
              <tr>
                <th scope="col">{t("customersList.name")}</th>
                <th scope="col">{t("customersList.contact")}</th>
                <th scope="col">{t("customersList.organisation")}</th>
                <th scope="col">{t("customersList.advisor")}</th>
                <th scope="col">{t("customersList.since")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((customer) => {
                const email = customer.identities.find((i) => i.kind === "email");
                const phone = customer.identities.find((i) => i.kind === "phone");
                const advisor = customer.advisor_id ? users.byId.get(customer.advisor_id) : null;
                return (
                  <tr key={customer.id}>
                    <td>
                      <Link to={`/customers/${encodeURIComponent(customer.id)}`}>
                        {customer.name || t("inbox.unknownCustomer")}
                      </Link>
                    </td>
                    <td className="customers-table__contact">
                      {[email?.display_value, phone?.display_value].filter(Boolean).join(" · ")}
                    </td>
                    <td>
                      {customer.organisation ? (
                        <button
                          type="button"
                          className="link-button"
                          title={t("customersList.onlyOrganisation", {
                            name: customer.organisation.name,
                          })}
                          onClick={() => chooseOrganisation(customer)}
                        >
                          {customer.organisation.name}
                        </button>
                      ) : null}
                    </td>
                    <td>
                      {advisor ? advisor.name : customer.advisor_id ? customer.advisor_id : ""}
                    </td>
                    <td>{formatDate(customer.created_at, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <LoadMore list={list} label={t("customersList.loadMore")} end={t("customersList.end")} />
        </>
      ) : null}
    </div>
  );
}
