// The delivery log of one webhook: its latest attempts, what the receiver answered, how long it took
// and when the next attempt comes; reloaded on demand (after a test, say).
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { listWebhookAttempts, type WebhookAttempt } from "../../api/webhooks.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { useAsync } from "../../hooks/use-async.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { LoadingState } from "../common/loading-state.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";

type Props = { webhookId: string; generation: number; onReload: () => void };

export function WebhookLog({ webhookId, generation, onReload }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const load = useCallback(
    async (signal: AbortSignal) => (await listWebhookAttempts(webhookId, signal)).items,
    [webhookId],
  );
  const { state, reload } = useAsync(`webhook-log-${webhookId}-${generation}`, load);
  const answer = (a: WebhookAttempt) =>
    a.error ?? t("settings.webhooks.answered", { status: a.status_code });
  return (
    <section className="panel" aria-labelledby="webhook-log-title">
      <h2 id="webhook-log-title" className="section-title">
        {t("settings.webhooks.log")}
      </h2>
      <button type="button" className="button button--quiet" onClick={onReload}>
        {t("settings.webhooks.reloadLog")}
      </button>
      {state.status === "loading" ? <LoadingState /> : null}
      {state.status === "error" ? <ProblemMessage error={state.error} onRetry={reload} /> : null}
      {state.status === "ready" && state.data.length === 0 ? (
        <p className="empty-state">{t("settings.webhooks.noDeliveries")}</p>
      ) : null}
      {state.status === "ready" && state.data.length > 0 ? (
        <table className="token-table settings-table">
          <caption className="visually-hidden">{t("settings.webhooks.log")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settings.webhooks.when")}</th>
              <th scope="col">{t("settings.webhooks.event")}</th>
              <th scope="col">{t("settings.webhooks.attempt")}</th>
              <th scope="col">{t("settings.webhooks.answer")}</th>
              <th scope="col">{t("settings.webhooks.duration")}</th>
              <th scope="col">{t("settings.webhooks.next")}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.created_at, locale)}</td>
                <td>
                  <code>{a.event}</code>
                </td>
                <td>{a.attempt}</td>
                <td>
                  {a.error === null ? "✓ " : "✗ "}
                  {answer(a)}
                </td>
                <td>{t("settings.webhooks.ms", { count: a.duration_ms })}</td>
                <td>
                  {a.next_attempt_at
                    ? formatDateTime(a.next_attempt_at, locale)
                    : t(`settings.webhooks.statuses.${a.delivery_status}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
