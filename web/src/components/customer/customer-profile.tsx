// What an advisor should know about a customer before reading their message: how to reach them,
// who their advisor is, their organisation (and whether it is a partner), their notes.
import { useTranslation } from "react-i18next";
import type { Customer } from "../../api/types.ts";
import { formatDate } from "../../display/date-time.ts";
import { oneOf, readable } from "../../display/one-of.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import type { Users } from "../../hooks/use-users.ts";
import { channelLabel } from "../common/channel-label.ts";

const IDENTITY_KINDS = ["email", "phone", "chat", "social"] as const;

type Props = { customer: Customer; users: Users; now: Date };

function localTime(timeZone: string, now: Date, language: string): string | null {
  try {
    return new Intl.DateTimeFormat(language, { timeStyle: "short", timeZone }).format(now);
  } catch {
    return null; // An unknown zone name: show the name alone.
  }
}

export function CustomerProfile({ customer, users, now }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const advisorName = (id: string | null) =>
    id === null ? t("customer.noAdvisor") : (users.byId.get(id)?.name ?? id);
  const time = customer.time_zone ? localTime(customer.time_zone, now, locale) : null;

  return (
    <>
      <p className="profile__since">
        {t("customer.since", { when: formatDate(customer.created_at, locale) })}
      </p>
      <Details customer={customer} advisorName={advisorName} time={time} />
    </>
  );
}

type DetailsProps = {
  customer: Customer;
  advisorName: (id: string | null) => string;
  time: string | null;
};

function Details({ customer, advisorName, time }: DetailsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="profile">
      <div className="profile__row">
        <dt>{t("customer.identities")}</dt>
        <dd>
          <ul className="identities">
            {customer.identities.map((identity) => (
              <li key={`${identity.kind}:${identity.value}`}>
                <span className="identities__kind">
                  {oneOf(IDENTITY_KINDS, identity.kind)
                    ? t(`customer.identity.${identity.kind}`)
                    : readable(identity.kind)}
                </span>{" "}
                <span className="identities__value">{identity.value}</span>
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div className="profile__row">
        <dt>{t("customer.advisor")}</dt>
        <dd>{advisorName(customer.advisor_id)}</dd>
      </div>
      {customer.backup_id ? (
        <div className="profile__row">
          <dt>{t("customer.backup")}</dt>
          <dd>{advisorName(customer.backup_id)}</dd>
        </div>
      ) : null}
      {customer.organisation ? (
        <div className="profile__row">
          <dt>{t("customer.organisation")}</dt>
          <dd>
            {customer.organisation.name}
            {customer.organisation.is_partner ? (
              <span className="tag tag--partner">{t("customer.partner")}</span>
            ) : null}
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
      {customer.notes ? (
        <div className="profile__row">
          <dt>{t("customer.notes")}</dt>
          <dd className="profile__notes">{customer.notes}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function languageName(tag: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
