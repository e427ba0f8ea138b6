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
import { formatMinutes } from "../settings/settings-text.ts";
import { BarChart } from "./bar-chart.tsx";
import { ContinuitySection } from "./continuity-section.tsx";
import { FiguresTable } from "./figures-table.tsx";
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
        <ContinuitySection period={period} />
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
                <FiguresTable
                  caption={t("reports.workload.title")}
                  headers={[
                    t("reports.workload.advisor"),
                    t("reports.workload.open"),
                    t("reports.workload.owed"),
                    t("reports.workload.overdue"),
                    t("reports.workload.breached"),
                    t("reports.workload.answers"),
                  ]}
                  rows={rows.map((r, index) => ({
                    key: `${index}-${r.name}`,
                    name: r.name,
                    figures: [r.open, r.owed, r.overdue, r.breached, r.answers].map((n) =>
                      number.format(n),
                    ),
                  }))}
                />
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
    value === null ? "—" : formatMinutes(Math.round(value), locale);

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
                <FiguresTable
                  caption={t("reports.charter.title")}
                  headers={[
                    t("reports.charter.channel"),
                    t("reports.charter.counted"),
                    t("reports.charter.answered"),
                    t("reports.charter.within"),
                    t("reports.charter.median"),
                    t("reports.charter.medianBusiness"),
                  ]}
                  rows={[{ ...r.overall, channel: "" }, ...r.channels].map((c) => ({
                    key: c.channel || "all",
                    name: c.channel ? channelLabel(t, c.channel) : t("reports.charter.all"),
                    figures: [
                      number.format(c.counted),
                      pct(c.percent_answered),
                      pct(c.percent_within_promise),
                      minutes(c.first_response_minutes.median),
                      minutes(c.first_response_business_minutes.median),
                    ],
                  }))}
                />
              </>
            );
          })()
        : null}
    </section>
  );
}
