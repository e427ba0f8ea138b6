// Edits a customer's profile in place: name, email addresses and phone numbers, language, preferred
// channel, contact times, important dates and notes. Sends only what changed; Escape cancels.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { updateCustomer } from "../../api/customers.ts";
import { CHANNELS, type Channel, type Customer } from "../../api/types.ts";
import { languageName } from "../../display/language-name.ts";
import { oneOf } from "../../display/one-of.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { channelLabel } from "../common/channel-label.ts";
import { DATE_KINDS, dateKindLabel } from "./important-date.ts";
import { InlineForm } from "./inline-form.tsx";
import { type DateRow, draftOf, patchOf } from "./profile-draft.ts";

const LANGUAGES = ["fr", "en"] as const;

type Props = { customer: Customer; onSaved: (customer: Customer) => void; onCancel: () => void };

export function CustomerProfileForm({ customer, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const kindText = (kind: string) => dateKindLabel(t, kind);
  const kindOf = (text: string) =>
    DATE_KINDS.find((kind) => dateKindLabel(t, kind).toLowerCase() === text.toLowerCase()) ?? text;
  const [draft, setDraft] = useState(() => draftOf(customer, kindText));
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setDate = (index: number, change: Partial<DateRow>) =>
    set(
      "dates",
      draft.dates.map((row, i) => (i === index ? { ...row, ...change } : row)),
    );

  const save = async () => {
    const patch = patchOf(customer, draft, kindOf);
    if (Object.keys(patch).length === 0) onCancel();
    else onSaved(await updateCustomer(customer.id, patch));
  };

  return (
    <InlineForm
      className="customer-edit"
      title={t("customer.edit.title")}
      saveLabel={t("customer.edit.save")}
      savingLabel={t("customer.edit.saving")}
      cancelLabel={t("customer.edit.cancel")}
      save={save}
      onCancel={onCancel}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("customer.edit.name")}</label>
        <input
          id={`${id}-name`}
          ref={first}
          value={draft.name}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => set("name", event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-emails`}>{t("customer.edit.emails")}</label>
        <textarea
          id={`${id}-emails`}
          rows={2}
          value={draft.emails}
          aria-describedby={`${id}-one-a-line`}
          onChange={(event) => set("emails", event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-phones`}>{t("customer.edit.phones")}</label>
        <textarea
          id={`${id}-phones`}
          rows={2}
          value={draft.phones}
          aria-describedby={`${id}-one-a-line`}
          onChange={(event) => set("phones", event.target.value)}
        />
        <span id={`${id}-one-a-line`} className="field__hint">
          {t("customer.edit.oneALine")}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t("customer.edit.language")}</label>
        <select
          id={`${id}-language`}
          value={draft.language}
          onChange={(event) => set("language", event.target.value)}
        >
          <option value="">{t("customer.edit.noLanguage")}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {languageName(language, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-channel`}>{t("customer.edit.channel")}</label>
        <select
          id={`${id}-channel`}
          value={draft.channel}
          onChange={(event) => {
            const value = event.target.value;
            set("channel", oneOf(CHANNELS, value) ? (value as Channel) : "");
          }}
        >
          <option value="">{t("customer.edit.noChannel")}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {channelLabel(t, channel)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-times`}>{t("customer.edit.contactTimes")}</label>
        <input
          id={`${id}-times`}
          value={draft.contactTimes}
          maxLength={200}
          aria-describedby={`${id}-times-hint`}
          onChange={(event) => set("contactTimes", event.target.value)}
        />
        <span id={`${id}-times-hint`} className="field__hint">
          {t("customer.edit.contactTimesHint")}
        </span>
      </div>
      <fieldset className="customer-edit__dates">
        <legend>{t("customer.edit.dates")}</legend>
        <datalist id={`${id}-kinds`}>
          {DATE_KINDS.map((kind) => (
            <option key={kind} value={dateKindLabel(t, kind)} />
          ))}
        </datalist>
        {draft.dates.map((row, index) => (
          // Rows have no identity of their own; their place is their key while the form is open.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <div className="customer-edit__date" key={index}>
            <label>
              <span className="visually-hidden">{t("customer.edit.dateKind")}</span>
              <input
                list={`${id}-kinds`}
                value={row.kind}
                maxLength={100}
                placeholder={t("customer.edit.dateKind")}
                onChange={(event) => setDate(index, { kind: event.target.value })}
              />
            </label>
            <label>
              <span className="visually-hidden">{t("customer.edit.dateValue")}</span>
              <input
                type="date"
                value={row.date}
                onChange={(event) => setDate(index, { date: event.target.value })}
              />
            </label>
            <button
              type="button"
              className="button button--quiet"
              aria-label={
                row.kind
                  ? t("customer.edit.removeDate", { kind: row.kind })
                  : t("customer.edit.removeDatePlain")
              }
              onClick={() =>
                set(
                  "dates",
                  draft.dates.filter((_, i) => i !== index),
                )
              }
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => set("dates", [...draft.dates, { kind: "", date: "" }])}
        >
          {t("customer.edit.addDate")}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t("customer.edit.notes")}</label>
        <textarea
          id={`${id}-notes`}
          rows={4}
          value={draft.notes}
          maxLength={20_000}
          onChange={(event) => set("notes", event.target.value)}
        />
      </div>
    </InlineForm>
  );
}
