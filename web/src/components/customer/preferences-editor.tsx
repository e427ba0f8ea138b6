// Preferences and tags edited in place on the customer page: add an entry (its kind and words) or a
// tag, remove one with its button; each change saves the whole list at once and says so.
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { updateCustomer } from "../../api/customers.ts";
import {
  type Customer,
  type CustomerPatch,
  PREFERENCE_KINDS,
  type PreferenceKind,
} from "../../api/types.ts";
import { ProblemMessage } from "../common/problem-message.tsx";
import { preferenceKindLabel, preferenceText } from "./preference-text.ts";

type Props = { customer: Customer; onSaved: (saved: Customer) => void };

export function PreferencesEditor({ customer, onSaved }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<PreferenceKind>("contact");
  const [text, setText] = useState("");
  const [tag, setTag] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState("");

  const save = async (patch: CustomerPatch) => {
    setSaving(true);
    setError(null);
    setStatus(t("glance.edit.saving"));
    try {
      onSaved(await updateCustomer(customer.id, patch));
      setStatus(t("glance.edit.saved"));
      return true;
    } catch (failure) {
      setError(failure);
      setStatus("");
      return false;
    } finally {
      setSaving(false);
    }
  };

  const addPreference = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    if (await save({ preferences: [...customer.preferences, { kind, text: text.trim() }] })) {
      setText("");
    }
  };
  const addTag = async (event: FormEvent) => {
    event.preventDefault();
    if (!tag.trim()) return;
    if (await save({ tags: [...customer.tags, tag.trim()] })) setTag("");
  };

  return (
    <section className="preferences-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t("glance.edit.title")}
      </h2>
      <ul className="preferences-editor__list">
        {customer.preferences.map((p, index) => (
          <li key={`${p.kind}:${p.text}`}>
            <span className="glance__kind">{preferenceKindLabel(t, p.kind)}</span> {p.text}{" "}
            <button
              type="button"
              className="link-button"
              disabled={saving}
              aria-label={t("glance.edit.remove", { what: preferenceText(t, p) })}
              onClick={() =>
                void save({ preferences: customer.preferences.filter((_, i) => i !== index) })
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="preferences-editor__form" onSubmit={addPreference}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("glance.edit.kind")}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as PreferenceKind)}
          >
            {PREFERENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {preferenceKindLabel(t, k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t("glance.edit.text")}</label>
          <input
            id={`${id}-text`}
            value={text}
            maxLength={200}
            placeholder={t("glance.edit.textPlaceholder")}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={saving}>
          {t("glance.edit.addPreference")}
        </button>
      </form>
      <ul className="preferences-editor__tags">
        {customer.tags.map((name) => (
          <li key={name} className="tag">
            {name}{" "}
            <button
              type="button"
              className="link-button"
              disabled={saving}
              aria-label={t("glance.edit.remove", { what: name })}
              onClick={() => void save({ tags: customer.tags.filter((other) => other !== name) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="preferences-editor__form" onSubmit={addTag}>
        <div className="field">
          <label htmlFor={`${id}-tag`}>{t("glance.edit.tag")}</label>
          <input
            id={`${id}-tag`}
            value={tag}
            maxLength={40}
            onChange={(event) => setTag(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={saving}>
          {t("glance.edit.addTag")}
        </button>
      </form>
      {error ? <ProblemMessage error={error} /> : null}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}
