// The workspace's settings (admins change them, others read them): its name, how long likely spam
// is kept, and whether closed conversations are erased after a period (off by default).
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchWorkspace, updateWorkspace } from "../../api/workspace.ts";
import { useAsync } from "../../hooks/use-async.ts";
import { useMe } from "../../hooks/use-session.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";

export function WorkspacePage() {
  const { t } = useTranslation();
  const { role } = useMe();
  const id = useId();
  const load = useCallback((signal: AbortSignal) => fetchWorkspace(signal), []);
  const { state, update } = useAsync("workspace", load);
  const [name, setName] = useState("");
  const [spamDays, setSpamDays] = useState("30");
  const [erasing, setErasing] = useState(false);
  const [closedDays, setClosedDays] = useState("365");
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editable = role === "admin";

  const loaded = state.status === "ready" ? state.data : null;
  useEffect(() => {
    if (!loaded) return;
    setName(loaded.name);
    setSpamDays(String(loaded.spam_retention_days));
    setErasing(loaded.closed_retention_days !== null);
    if (loaded.closed_retention_days !== null) setClosedDays(String(loaded.closed_retention_days));
  }, [loaded]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      const next = await updateWorkspace({
        name: name.trim(),
        spam_retention_days: Number(spamDays),
        closed_retention_days: erasing ? Number(closedDays) : null,
      });
      update(() => next);
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="page page--settings">
      <section className="panel">
        {role === "advisor" ? null : (
          <p className="back-link">
            <Link to="/settings">{t("settings.back")}</Link>
          </p>
        )}
        <PageHeading title={t("workspace.title")} />
        {state.status === "loading" ? <LoadingState /> : null}
        {state.status === "error" ? <ProblemMessage error={state.error} /> : null}
        {loaded ? (
          <form onSubmit={(event) => void submit(event)}>
            <fieldset disabled={!editable || saving}>
              <div className="field">
                <label htmlFor={`${id}-name`}>{t("workspace.name")}</label>
                <input
                  id={`${id}-name`}
                  value={name}
                  required
                  maxLength={200}
                  onChange={(event) => setName(event.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-spam`}>{t("workspace.spamRetention")}</label>
                <input
                  id={`${id}-spam`}
                  type="number"
                  min={1}
                  max={3650}
                  required
                  value={spamDays}
                  onChange={(event) => setSpamDays(event.target.value)}
                />
              </div>
              <div className="field">
                <label>
                  <input
                    type="checkbox"
                    checked={erasing}
                    onChange={(event) => setErasing(event.target.checked)}
                  />{" "}
                  {t("workspace.closedRetentionOn")}
                </label>
                {erasing ? (
                  <>
                    <label htmlFor={`${id}-closed`}>{t("workspace.closedRetention")}</label>
                    <input
                      id={`${id}-closed`}
                      type="number"
                      min={1}
                      max={36500}
                      required
                      value={closedDays}
                      onChange={(event) => setClosedDays(event.target.value)}
                    />
                  </>
                ) : null}
                <span className="field__hint">{t("workspace.closedRetentionHint")}</span>
              </div>
            </fieldset>
            {error ? <ProblemMessage error={error} /> : null}
            {saved ? (
              <p className="notice" role="status">
                {t("workspace.saved")}
              </p>
            ) : null}
            {editable ? (
              <button type="submit" className="button button--primary" disabled={saving}>
                {t("workspace.save")}
              </button>
            ) : (
              <p className="field__hint">{t("workspace.adminsOnly")}</p>
            )}
          </form>
        ) : null}
      </section>
    </div>
  );
}
