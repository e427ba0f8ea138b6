// Making an API token bound to the person signed in: a name, a role up to theirs, and an optional
// last day (the token stops working at the end of it, in the browser's time zone).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type NewToken, ROLES, type Role } from "../../api/types.ts";
import { useMe } from "../../hooks/use-session.tsx";
import { problemText } from "../common/problem-message.tsx";

type Props = { onCreate: (token: NewToken) => Promise<void> };

/** The last instant of the day `date` (YYYY-MM-DD) names, in the browser's time zone. */
function endOfDay(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(year, month - 1, day, 23, 59, 59, 999).toISOString();
}

export function NewTokenForm({ onCreate }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = ROLES.slice(0, ROLES.indexOf(me.role) + 1);
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("advisor");
  const [expires, setExpires] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    onCreate({ name: name.trim(), role, ...(expires ? { expires_at: endOfDay(expires) } : {}) })
      .then(() => {
        setName("");
        setExpires("");
      })
      .catch((reason: unknown) => setError(reason))
      .finally(() => setSaving(false));
  };

  return (
    <form className="panel token-form" onSubmit={submit} aria-labelledby="new-token-title">
      <h2 id="new-token-title" className="panel__title">
        {t("tokens.newTitle")}
      </h2>
      <div className="token-form__fields">
        <div className="field">
          <label htmlFor="token-name">{t("tokens.name")}</label>
          <input
            id="token-name"
            value={name}
            required
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="token-role">{t("tokens.role")}</label>
          <select
            id="token-role"
            value={role}
            onChange={(event) => {
              const chosen = allowed.find((value) => value === event.target.value);
              if (chosen) setRole(chosen);
            }}
          >
            {allowed.map((value) => (
              <option key={value} value={value}>
                {t(`header.role.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-expires">{t("tokens.expiresOn")}</label>
          <input
            id="token-expires"
            type="date"
            value={expires}
            onChange={(event) => setExpires(event.target.value)}
          />
        </div>
      </div>
      <p className="field__hint">{t("tokens.boundHint")}</p>
      {error ? (
        <p className="form__error" role="alert">
          {problemText(t, error)}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={saving || !name.trim()}>
        {t("tokens.create")}
      </button>
    </form>
  );
}
