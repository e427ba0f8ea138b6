// The customer beside the conversation: who they are (a link to their page), how long they have
// been a customer, their open conversations and last contact, their advisor. It stays current: it
// loads again when a change to the customer is announced anywhere in the console (an edit, a logged
// call), and when the advisor comes back to the tab.
import { useCallback, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCustomer, useCustomerSummary } from "../../hooks/use-customer.ts";
import { useNow } from "../../hooks/use-now.ts";
import { useRefresh } from "../../hooks/use-refresh.ts";
import type { Users } from "../../hooks/use-users.ts";
import { LoadingState } from "../common/loading-state.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { CustomerGlance } from "../customer/customer-glance.tsx";
import { CustomerProfile } from "../customer/customer-profile.tsx";

type Props = { customerId: string; users: Users };

export function CustomerPanel({ customerId, users }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const customer = useCustomer(customerId);
  const summary = useCustomerSummary(customerId);
  const now = useNow(60_000);
  const { reload: reloadCustomer } = customer;
  const { reload: reloadSummary } = summary;
  useRefresh(
    useCallback(() => {
      reloadCustomer();
      reloadSummary();
    }, [reloadCustomer, reloadSummary]),
    60_000,
    (e) => e.data.id === customerId || e.data.customer_id === customerId,
  );
  const page = `/customers/${encodeURIComponent(customerId)}`;
  const state = customer.state;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {t("customer.panel")}
      </h2>
      {state.status === "loading" ? <LoadingState /> : null}
      {state.status === "error" ? (
        <ProblemMessage error={state.error} what={t("customer.unavailable")} />
      ) : null}
      {state.status === "ready" ? (
        <>
          <p className="panel__name">
            <Link to={page} title={t("customer.openPage")}>
              {state.data.name || t("inbox.unknownCustomer")}
            </Link>
          </p>
          <CustomerGlance summary={summary.state} now={now} headingLevel={3} />
          <CustomerProfile customer={state.data} summary={summary.state} users={users} now={now} />
          <Link to={page} className="panel__link">
            {t("customer.timelineLink")}
          </Link>
        </>
      ) : null}
    </section>
  );
}
