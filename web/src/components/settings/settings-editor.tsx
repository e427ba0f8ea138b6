// The form around one setting being created or changed: saves through the API, says what the API
// refused (its problem code and each field's problem), takes the focus when it opens, and Escape or
// "Cancel" leaves it without saving.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiProblem, type FieldProblem } from "../../api/client.ts";
import { attemptKeys } from "../../api/idempotency-key.ts";
import {
  createSetting,
  type SettingInput,
  type SettingsResource,
  type SettingsResources,
  updateSetting,
} from "../../api/settings.ts";
import { ProblemMessage } from "../common/problem-message.tsx";
import { problemsByField } from "./settings-text.ts";

/** The problems of the last save per field, handed to the form's fields. */
export type Problems = (field: string) => FieldProblem[] | undefined;

type Props<R extends SettingsResource> = {
  resource: R;
  /** The setting being changed; null to create one. */
  item: SettingsResources[R] | null;
  title: string;
  /** What to send, built from the form's state when "Save" is pressed. */
  input: () => SettingInput<R>;
  onSaved: (saved: SettingsResources[R]) => void;
  onCancel: () => void;
  children: (problems: Problems) => ReactNode;
  /** More buttons beside "Save" and "Cancel" (a delete). */
  actions?: ReactNode;
};

export function SettingsEditor<R extends SettingsResource>({
  resource,
  item,
  title,
  input,
  onSaved,
  onCancel,
  children,
  actions,
}: Props<R>) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [keys] = useState(attemptKeys);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = input();
      const saved = item
        ? await updateSetting(resource, item.id, body)
        : await createSetting(resource, body, keys.keyFor([resource, body]));
      keys.done();
      onSaved(saved);
    } catch (failure) {
      setError(failure);
      setSaving(false);
      // The first field the API refused takes the focus, so its problem is read out next.
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus(),
      );
    }
  };

  const byField = problemsByField(error);
  const whole = byField.get("");
  const code = error instanceof ApiProblem ? error.code : null;

  return (
    <form
      ref={form}
      className="panel settings-editor"
      aria-label={title}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <h2 className="section-title">{title}</h2>
      <fieldset disabled={saving}>{children((field) => byField.get(field))}</fieldset>
      {error ? (
        <div className="settings-editor__problem">
          {code === "invalid_input" ? (
            <p className="form__error" role="alert">
              {t("settings.invalid")}
              {whole?.map((p) => ` ${p.message}`)}
              {byField.size === 0 && error instanceof ApiProblem ? ` ${error.detail ?? ""}` : null}
            </p>
          ) : (
            <ProblemMessage error={error} />
          )}
        </div>
      ) : null}
      <div className="settings-editor__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t("settings.saving") : t("settings.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("settings.cancel")}
        </button>
        <span className="field__hint">{t("settings.escapeHint")}</span>
        {actions}
      </div>
    </form>
  );
}
