// The continuity report on the reports page: how often customers were answered by their own advisor
// or backup, and how often conversations changed hands, per advisor (a chart and a table) and team.
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { type ContinuityFigures, fetchContinuity } from "../../api/reports.ts";
import { listSettings } from "../../api/settings.ts";
import { formatNumber, formatPercent } from "../../display/format.ts";
import { useAsync } from "../../hooks/use-async.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { useUsers } from "../../hooks/use-users.ts";
import { LoadingState } from "../common/loading-state.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { BarChart } from "./bar-chart.tsx";
import { FiguresTable } from "./figures-table.tsx";

type Period = { from: string; to: string };

export function ContinuitySection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const users = useUsers();
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [report, teams] = await Promise.all([
        fetchContinuity(period, signal),
        listSettings("teams", signal).catch(() => []),
      ]);
      return { report, teamNames: new Map(teams.map((team) => [team.id, team.name])) };
    },
    [period],
  );
  const { state, reload } = useAsync(`continuity-${period.from}`, load);
  const rate = (value: number | null) =>
    value === null ? "—" : formatPercent(value * 100, locale);
  const perConversation = (value: number | null) =>
    value === null ? "—" : formatNumber(value, locale, 2);
  const figures = (f: ContinuityFigures) => [
    formatNumber(f.conversations, locale),
    formatNumber(f.with_advisor, locale),
    rate(f.continuity_rate),
    formatNumber(f.transfers, locale),
    perConversation(f.transfers_per_conversation),
  ];
  const headers = (first: string) => [
    first,
    t("reports.continuity.conversations"),
    t("reports.continuity.withAdvisor"),
    t("reports.continuity.rate"),
    t("reports.continuity.transfers"),
    t("reports.continuity.perConversation"),
  ];

  return (
    <section className="report-section" aria-labelledby="report-continuity">
      <h2 id="report-continuity" className="section-title">
        {t("reports.continuity.title")}
      </h2>
      <p className="field__hint">{t("reports.continuity.intro")}</p>
      {state.status === "loading" ? <LoadingState /> : null}
      {state.status === "error" ? <ProblemMessage error={state.error} onRetry={reload} /> : null}
      {state.status === "ready"
        ? (() => {
            const { report, teamNames } = state.data;
            const nameOf = (id: string | null) =>
              id === null ? t("reports.continuity.noAdvisor") : (users.byId.get(id)?.name ?? id);
            const rated = report.advisors.filter((a) => a.continuity_rate !== null);
            const summary = t("reports.continuity.summary", {
              rate: rate(report.totals.continuity_rate),
              conversations: formatNumber(report.totals.conversations, locale),
              transfers: perConversation(report.totals.transfers_per_conversation),
            });
            return (
              <>
                <p>{summary}</p>
                {rated.length > 0 ? (
                  <BarChart
                    labels={rated.map((a) => nameOf(a.advisor_id))}
                    series={[
                      {
                        label: t("reports.continuity.rate"),
                        values: rated.map((a) => Math.round((a.continuity_rate ?? 0) * 1000) / 10),
                      },
                    ]}
                    summary={summary}
                    locale={locale}
                    percent
                  />
                ) : null}
                <FiguresTable
                  caption={t("reports.continuity.byAdvisor")}
                  headers={headers(t("reports.continuity.advisor"))}
                  rows={[
                    {
                      key: "all",
                      name: t("reports.continuity.all"),
                      figures: figures(report.totals),
                    },
                    ...report.advisors.map((a) => ({
                      key: a.advisor_id ?? "none",
                      name: nameOf(a.advisor_id),
                      figures: figures(a),
                    })),
                  ]}
                />
                <FiguresTable
                  caption={t("reports.continuity.byTeam")}
                  headers={headers(t("reports.continuity.team"))}
                  rows={report.teams.map((team) => ({
                    key: team.team_id ?? "none",
                    name:
                      team.team_id === null
                        ? t("reports.continuity.noTeam")
                        : (teamNames.get(team.team_id) ?? team.team_id),
                    figures: figures(team),
                  }))}
                />
              </>
            );
          })()
        : null}
    </section>
  );
}
