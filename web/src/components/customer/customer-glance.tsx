// The glance on top of a customer: their preferences and tags, the important dates of the coming
// 30 days, and the mood of their last messages with the words behind each (from the summary).
import { useTranslation } from "react-i18next";
import type { CustomerSummary } from "../../api/types.ts";
import { formatRelative } from "../../display/date-time.ts";
import type { AsyncState } from "../../hooks/use-async.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { moodWords } from "../conversation/mood-note.tsx";
import { dateKindLabel, formatDay } from "./important-date.ts";
import { preferenceKindLabel } from "./preference-text.ts";

type Props = { summary: AsyncState<CustomerSummary>; now: Date; headingLevel?: 2 | 3 };

export function CustomerGlance({ summary, now, headingLevel = 2 }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (summary.status !== "ready") return null;
  const g = summary.data;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const when = (days: number) =>
    days === 0
      ? t("glance.today")
      : days === 1
        ? t("glance.tomorrow")
        : t("glance.inDays", { count: days });

  return (
    <section className="glance" aria-label={t("glance.title")} data-testid="glance">
      <Heading className="glance__title">{t("glance.title")}</Heading>
      <dl className="glance__list">
        <div className="profile__row">
          <dt>{t("glance.preferences")}</dt>
          <dd>
            {g.preferences.length === 0 ? (
              t("glance.noPreferences")
            ) : (
              <ul className="glance__preferences">
                {g.preferences.map((p) => (
                  <li key={`${p.kind}:${p.text}`}>
                    <span className="glance__kind">{preferenceKindLabel(t, p.kind)}</span> {p.text}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {g.tags.length > 0 ? (
          <div className="profile__row">
            <dt>{t("glance.tags")}</dt>
            <dd>
              {g.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        <div className="profile__row">
          <dt>{t("glance.upcoming")}</dt>
          <dd>
            {g.upcoming_dates.length === 0 ? (
              t("glance.noUpcoming")
            ) : (
              <ul className="glance__dates">
                {g.upcoming_dates.map((d) => (
                  <li key={`${d.kind}:${d.date}`}>
                    {dateKindLabel(t, d.kind)} · {formatDay(d.on, locale)} ({when(d.in_days)}
                    {d.years !== null && d.years > 0
                      ? `, ${t("glance.years", { count: d.years })}`
                      : ""}
                    )
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="profile__row">
          <dt>{t("glance.moods")}</dt>
          <dd>
            {g.last_moods.length === 0 ? (
              t("glance.noMoods")
            ) : (
              <ul className="glance__moods">
                {g.last_moods.map((m) => (
                  <li key={m.message_id} className={`mood mood--${m.mood.label}`}>
                    <span className="mood__label">
                      {t("glance.moodOn", {
                        mood: t(`glance.mood.${m.mood.label}`),
                        when: formatRelative(m.created_at, now, locale),
                      })}
                    </span>
                    <span className="mood__words"> · {moodWords(t, m.mood)}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
