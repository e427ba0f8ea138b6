// What the customer is worth at a glance — lifetime value per currency, order count, first and last
// purchase — and their latest orders; shown only once they have orders. The customer's page shows
// it all; the panel beside a conversation shows the figures.
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type { CustomerSummary, CustomerValue as Value } from "../../api/types.ts";
import { formatDate } from "../../display/date-time.ts";
import { formatNumber } from "../../display/format.ts";
import { formatMoney } from "../../display/money.ts";
import { orderStatusLabel } from "../../display/order-status.ts";
import type { AsyncState } from "../../hooks/use-async.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { useOrders } from "../../hooks/use-orders.ts";
import { LoadMore } from "../common/load-more.tsx";

type Props = {
  customerId: string;
  summary: AsyncState<CustomerSummary>;
  /**
   * The table of the latest orders too (the customer's page); without it (the panel beside a
   * conversation) only the figures show, once something was bought, and no order list is fetched.
   */
  withOrders?: boolean;
};

export function CustomerValue({ customerId, summary, withOrders = true }: Props) {
  const value = summary.status === "ready" ? (summary.data.value ?? null) : null;
  if (!value) return null;
  if (withOrders) return <ValueAndOrders customerId={customerId} value={value} />;
  return value.order_count > 0 ? <ValueFigures value={value} /> : null;
}

function ValueAndOrders({ customerId, value }: { customerId: string; value: Value }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const orders = useOrders(customerId);
  if (orders.items.length === 0 && value.order_count === 0) return null;
  return (
    <ValueFigures value={value}>
      {orders.items.length > 0 ? (
        <table className="customers-table orders-table">
          <caption className="visually-hidden">{t("orders.latest")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("orders.date")}</th>
              <th scope="col">{t("orders.reference")}</th>
              <th scope="col">{t("orders.amount")}</th>
              <th scope="col">{t("orders.status")}</th>
            </tr>
          </thead>
          <tbody>
            {orders.items.map((o) => (
              <tr key={o.id}>
                <td>
                  <time dateTime={o.ordered_at}>{formatDate(o.ordered_at, locale)}</time>
                </td>
                <td>{o.external_id}</td>
                <td className="orders-table__amount">
                  {formatMoney(o.amount_minor, o.currency, locale)}
                </td>
                <td>{orderStatusLabel(t, o.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <LoadMore list={orders} label={t("orders.more")} />
    </ValueFigures>
  );
}

/** The figures, under their heading; what follows them (the latest orders) as children. */
function ValueFigures({ value, children }: { value: Value; children?: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const purchase = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDate(iso, locale)}</time> : t("orders.none");

  return (
    <section className="customer-value" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t("orders.title")}
      </h3>
      <dl className="profile">
        <div className="profile__row">
          <dt>{t("orders.lifetime")}</dt>
          <dd>
            {value.lifetime.length === 0
              ? t("orders.none")
              : value.lifetime
                  .map((l) => formatMoney(l.amount_minor, l.currency, locale))
                  .join(" · ")}
          </dd>
        </div>
        <div className="profile__row">
          <dt>{t("orders.count")}</dt>
          <dd>{formatNumber(value.order_count, locale, 0)}</dd>
        </div>
        <div className="profile__row">
          <dt>{t("orders.firstPurchase")}</dt>
          <dd>{purchase(value.first_purchase_at)}</dd>
        </div>
        <div className="profile__row">
          <dt>{t("orders.lastPurchase")}</dt>
          <dd>{purchase(value.last_purchase_at)}</dd>
        </div>
      </dl>
      {children}
    </section>
  );
}
