// What an advisor should know about a customer before reading their message: how long they have
// been a customer, their open conversations and last contact, who their advisor is, how to reach
// them and when, their organisation (and whether it is a partner), important dates, their notes.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Customer, CustomerSummary } from "../../api/types.ts";
import { formatDate, formatRelative } from "../../display/date-time.ts";
import { languageName } from "../../display/language-name.ts";
import { oneOf, readable } from "../../display/one-of.ts";
import { tenure } from "../../display/tenure.ts";
import type { AsyncState } from "../../hooks/use-async.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import type { Users } from "../../hooks/use-users.ts";
import { channelLabel } from "../common/channel-label.ts";
import { ProblemMessage } from "../common/problem-message.tsx";
import { importantDateText } from "./important-date.ts";

const IDENTITY_KINDS = ["email", "phone", "chat", "social", "external"] as const;

/** What tenure counts from: the shop's date, the first order, or the first contact. */
const tenureStart = {
  customer_since: "customer.customerSinceDate",
  first_order: "customer.firstOrder",
  first_contact: "customer.firstContact",
} as const;

type Props = {
  customer: Customer;
  summary: AsyncState<CustomerSummary>;
  users: Users;
  now: Date;
};

function localTime(timeZone: string, now: Date, language: string): string | null {
  try {
    return new Intl.DateTimeFormat(language, { timeStyle: "short", timeZone }).format(now);
  } catch {
    return null; // An unknown zone name: show the name alone.
  }
}

export function CustomerProfile({ customer, summary, users, now }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ready = summary.status === "ready" ? summary.data : null;
  // The summary names the advisors even for a role that cannot list users.
  const advisorName = (person: { id: string; name: string } | null, id: string | null) =>
    person?.name ?? (id === null ? t("customer.noAdvisor") : (users.byId.get(id)?.name ?? id));
  const time = customer.time_zone ? localTime(customer.time_zone, now, locale) : null;
  const length = ready ? tenure(ready.tenure_days) : null;

  return (
    <>
      {customer.merged_into ? (
        <p className="notice">
          {t("customer.merged")}{" "}
          <Link to={`/customers/${encodeURIComponent(customer.merged_into)}`}>
            {t("customer.mergedLink")}
          </Link>
        </p>
      ) : null}
      <p className="profile__since">
        {ready && length
          ? `${t(`customer.tenure_${length.unit}`, { count: length.amount })} · ${t(
              tenureStart[ready.value?.tenure_source ?? "first_contact"],
              { when: formatDate(ready.customer_since, locale) },
            )}`
          : t("customer.since", { when: formatDate(customer.created_at, locale) })}
      </p>
      {summary.status === "error" ? (
        <ProblemMessage error={summary.error} what={t("customer.summaryUnavailable")} />
      ) : null}
      <dl className="profile">
        {ready ? (
          <>
            <div className="profile__row">
              <dt>{t("customer.conversations")}</dt>
              <dd>
                {t("customer.conversationCount", {
                  count: ready.conversations.open,
                  total: ready.conversations.total,
                })}
              </dd>
            </div>
            <div className="profile__row">
              <dt>{t("customer.lastContact")}</dt>
              <dd>
                {ready.last_contact_at ? (
                  <time dateTime={ready.last_contact_at}>
                    {formatRelative(ready.last_contact_at, now, locale)}
                  </time>
                ) : (
                  t("customer.noContact")
                )}
              </dd>
            </div>
          </>
        ) : null}
        <div className="profile__row">
          <dt>{t("customer.advisor")}</dt>
          <dd>{advisorName(ready?.advisor ?? null, customer.advisor_id)}</dd>
        </div>
        {customer.backup_id ? (
          <div className="profile__row">
            <dt>{t("customer.backup")}</dt>
            <dd>{advisorName(ready?.backup ?? null, customer.backup_id)}</dd>
          </div>
        ) : null}
        <div className="profile__row">
          <dt>{t("customer.identities")}</dt>
          <dd>
            <ul className="identities">
              {customer.identities.map((identity) => (
                <li key={identity.id}>
                  <span className="identities__kind">
                    {oneOf(IDENTITY_KINDS, identity.kind)
                      ? t(`customer.identity.${identity.kind}`)
                      : readable(identity.kind)}
                  </span>{" "}
                  <span className="identities__value">
                    {identity.display_value || identity.value}
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {customer.organisation ? (
          <div className="profile__row">
            <dt>{t("customer.organisation")}</dt>
            <dd>
              <Link to={`/settings/organisations/${customer.organisation.id}`}>
                {customer.organisation.name}
              </Link>
              {customer.organisation.is_partner ? (
                <span className="tag tag--partner">{t("customer.partner")}</span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {customer.important_dates.length > 0 ? (
          <div className="profile__row">
            <dt>{t("customer.importantDates")}</dt>
            <dd>
              <ul className="identities">
                {customer.important_dates.map((date) => (
                  <li key={`${date.kind}:${date.date}`}>{importantDateText(t, locale, date)}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {customer.preferred_language ? (
          <div className="profile__row">
            <dt>{t("customer.language")}</dt>
            <dd>{languageName(customer.preferred_language, locale)}</dd>
          </div>
        ) : null}
        {customer.time_zone ? (
          <div className="profile__row">
            <dt>{t("customer.timeZone")}</dt>
            <dd>
              {customer.time_zone}
              {time ? (
                <span className="profile__aside">{t("customer.localTime", { time })}</span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {customer.preferred_channel ? (
          <div className="profile__row">
            <dt>{t("customer.preferredChannel")}</dt>
            <dd>{channelLabel(t, customer.preferred_channel)}</dd>
          </div>
        ) : null}
        {customer.contact_times ? (
          <div className="profile__row">
            <dt>{t("customer.contactTimes")}</dt>
            <dd>{customer.contact_times}</dd>
          </div>
        ) : null}
        {customer.notes ? (
          <div className="profile__row">
            <dt>{t("customer.notes")}</dt>
            <dd className="profile__notes">{customer.notes}</dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
