// The customer beside the conversation: who they are, how long they have been a customer, their
// open conversations and last contact, their advisor, and the way to their whole timeline.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCustomer, useCustomerSummary } from "../../hooks/use-customer.ts";
import { useNow } from "../../hooks/use-now.ts";
import type { Users } from "../../hooks/use-users.ts";
import { LoadingState } from "../common/loading-state.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { CustomerProfile } from "../customer/customer-profile.tsx";

type Props = { customerId: string; users: Users };

export function CustomerPanel({ customerId, users }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const customer = useCustomer(customerId);
  const summary = useCustomerSummary(customerId);
  const now = useNow(60_000);

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {t("customer.panel")}
      </h2>
      {customer.status === "loading" ? <LoadingState /> : null}
      {customer.status === "error" ? (
        <ProblemMessage error={customer.error} what={t("customer.unavailable")} />
      ) : null}
      {customer.status === "ready" ? (
        <>
          <p className="panel__name">{customer.data.name || t("inbox.unknownCustomer")}</p>
          <CustomerProfile customer={customer.data} summary={summary} users={users} now={now} />
          <Link to={`/customers/${encodeURIComponent(customerId)}`} className="panel__link">
            {t("customer.timelineLink")}
          </Link>
        </>
      ) : null}
    </section>
  );
}
