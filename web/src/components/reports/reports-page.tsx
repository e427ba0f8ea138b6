// The reports a manager reads: the workload of the desk now (who holds what, who owes answers) and
// the commitment charter of a brand for a period, each as a chart with its figures in a table.
// Loaded lazily (reports-route.tsx): Chart.js stays out of the main bundle.
import { useCallback, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchCharter, fetchWorkload } from "../../api/reports.ts";
import { useAsync } from "../../hooks/use-async.ts";
import { useBrands } from "../../hooks/use-brands.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { useUsers } from "../../hooks/use-users.ts";
import { channelLabel } from "../common/channel-label.ts";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import "../settings/settings.css";
import { BarChart } from "./bar-chart.tsx";
import {
  busiest,
  charterRows,
  PERIODS,
  type PeriodDays,
  periodOf,
  workloadRows,
} from "./report-figures.ts";

export function ReportsPage() {
  const { t } = useTranslation();
  const id = useId();
  const brands = useBrands();
  const [days, setDays] = useState<PeriodDays>(7);
  const [brand, setBrand] = useState("");
  // The period is fixed when chosen, so that a re-render does not ask again.
  const period = useMemo(() => periodOf(days, new Date()), [days]);

  return (
    <div className="page page--settings">
      <section className="settings-page">
        <PageHeading title={t("reports.title")} />
        <div className="report-filters">
          <div className="field">
            <label htmlFor={`${id}-period`}>{t("reports.period")}</label>
            <select
              id={`${id}-period`}
              value={days}
              onChange={(event) =>
                setDays(PERIODS.find((d) => String(d) === event.target.value) ?? 7)
              }
            >
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  {t("reports.lastDays", { count: d })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-brand`}>{t("reports.brand")}</label>
            <select
              id={`${id}-brand`}
              value={brand}
              onChange={(event) => setBrand(event.target.value)}
            >
              <option value="">{t("reports.firstBrand")}</option>
              {brands.list.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <WorkloadSection period={period} />
        <CharterSection period={period} brand={brand || undefined} />
      </section>
    </div>
  );
}

type Period = { from: string; to: string };

function WorkloadSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const users = useUsers();
  const load = useCallback((signal: AbortSignal) => fetchWorkload(period, signal), [period]);
  const { state, reload } = useAsync(`workload-${period.from}`, load);
  const number = new Intl.NumberFormat(locale);

  return (
    <section className="report-section" aria-labelledby="report-workload">
      <h2 id="report-workload" className="section-title">
        {t("reports.workload.title")}
      </h2>
      <p className="field__hint">{t("reports.workload.intro")}</p>
      {state.status === "loading" ? <LoadingState /> : null}
      {state.status === "error" ? <ProblemMessage error={state.error} onRetry={reload} /> : null}
      {state.status === "ready"
        ? (() => {
            const rows = workloadRows(
              state.data,
              (userId) => users.byId.get(userId)?.name,
              t("reports.workload.nobody"),
            );
            const top = busiest(rows);
            const totals = state.data.totals;
            const summary = [
              t("reports.workload.summary", {
                open: number.format(totals.open),
                owed: number.format(totals.owed),
                overdue: number.format(totals.overdue),
                answers: number.format(totals.answers),
              }),
              top
                ? t("reports.workload.busiest", {
                    name: top.name,
                    owed: number.format(top.owed),
                    open: number.format(top.open),
                  })
                : "",
            ].join(" ");
            return (
              <>
                <p>{summary}</p>
                {rows.length > 0 ? (
                  <BarChart
                    labels={rows.map((r) => r.name)}
                    series={[
                      { label: t("reports.workload.open"), values: rows.map((r) => r.open) },
                      { label: t("reports.workload.owed"), values: rows.map((r) => r.owed) },
                      { label: t("reports.workload.overdue"), values: rows.map((r) => r.overdue) },
                      { label: t("reports.workload.answers"), values: rows.map((r) => r.answers) },
                    ]}
                    summary={summary}
                    locale={locale}
                  />
                ) : null}
                <table className="token-table">
                  <caption className="visually-hidden">{t("reports.workload.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("reports.workload.advisor")}</th>
                      <th scope="col">{t("reports.workload.open")}</th>
                      <th scope="col">{t("reports.workload.owed")}</th>
                      <th scope="col">{t("reports.workload.overdue")}</th>
                      <th scope="col">{t("reports.workload.breached")}</th>
                      <th scope="col">{t("reports.workload.answers")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.name}>
                        <th scope="row">{r.name}</th>
                        <td>{number.format(r.open)}</td>
                        <td>{number.format(r.owed)}</td>
                        <td>{number.format(r.overdue)}</td>
                        <td>{number.format(r.breached)}</td>
                        <td>{number.format(r.answers)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            );
          })()
        : null}
    </section>
  );
}

function CharterSection({ period, brand }: { period: Period; brand: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const load = useCallback(
    (signal: AbortSignal) => fetchCharter(brand, period, signal),
    [brand, period],
  );
  const { state, reload } = useAsync(`charter-${brand ?? ""}-${period.from}`, load);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const pct = (value: number | null) => (value === null ? "—" : percent.format(value / 100));
  const minutes = (value: number | null) =>
    value === null
      ? "—"
      : t("reports.charter.minutes", { count: Math.round(value), value: number.format(value) });

  return (
    <section className="report-section" aria-labelledby="report-charter">
      <h2 id="report-charter" className="section-title">
        {t("reports.charter.title")}
      </h2>
      {state.status === "loading" ? <LoadingState /> : null}
      {state.status === "error" ? <ProblemMessage error={state.error} onRetry={reload} /> : null}
      {state.status === "ready"
        ? (() => {
            const r = state.data;
            const rows = charterRows(r);
            const summary = t("reports.charter.summary", {
              brand: r.brand.name,
              answered: pct(r.overall.percent_answered),
              within: pct(r.overall.percent_within_promise),
              counted: number.format(r.overall.counted),
            });
            return (
              <>
                <p>{summary}</p>
                {rows.length > 0 ? (
                  <BarChart
                    labels={rows.map((c) => channelLabel(t, c.channel))}
                    series={[
                      { label: t("reports.charter.answered"), values: rows.map((c) => c.answered) },
                      {
                        label: t("reports.charter.within"),
                        values: rows.map((c) => c.withinPromise),
                      },
                    ]}
                    summary={summary}
                    locale={locale}
                    percent
                  />
                ) : null}
                <table className="token-table">
                  <caption className="visually-hidden">{t("reports.charter.title")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("reports.charter.channel")}</th>
                      <th scope="col">{t("reports.charter.counted")}</th>
                      <th scope="col">{t("reports.charter.answered")}</th>
                      <th scope="col">{t("reports.charter.within")}</th>
                      <th scope="col">{t("reports.charter.median")}</th>
                      <th scope="col">{t("reports.charter.medianBusiness")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[{ ...r.overall, channel: "" }, ...r.channels].map((c) => (
                      <tr key={c.channel || "all"}>
                        <th scope="row">
                          {c.channel ? channelLabel(t, c.channel) : t("reports.charter.all")}
                        </th>
                        <td>{number.format(c.counted)}</td>
                        <td>{pct(c.percent_answered)}</td>
                        <td>{pct(c.percent_within_promise)}</td>
                        <td>{minutes(c.first_response_minutes.median)}</td>
                        <td>{minutes(c.first_response_business_minutes.median)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            );
          })()
        : null}
    </section>
  );
}
