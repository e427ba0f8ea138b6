// Canned answers per language (admins write them, everyone uses them in the composer): the text
// with its variables, for one brand or all; a stale one is deleted after a confirmation.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CannedAnswerSetting, deleteCannedAnswer } from "../../api/settings.ts";
import { languageName } from "../../display/language-name.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { BrandField, brandChoice, brandIdOf, useBrandName } from "./brand-field.tsx";
import { DeleteAction } from "./delete-action.tsx";
import { InputField, SelectField, TextAreaField } from "./fields.tsx";
import { languageOptions } from "./language-options.ts";
import { SettingsEditor } from "./settings-editor.tsx";
import { type EditorSlot, SettingsSection } from "./settings-section.tsx";

/** The variables the composer fills in, shown as help beside the text. */
const VARIABLES = ["customer.name", "advisor.name"] as const;

export function CannedAnswersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const brandName = useBrandName();
  const [shown, setShown] = useState("");
  return (
    <SettingsSection
      resource="canned-answers"
      title={t("settings.canned.title")}
      intro={t("settings.canned.intro")}
      filter={{
        control: (
          <SelectField
            label={t("settings.canned.shownLanguage")}
            value={shown}
            onChange={setShown}
            options={[
              { value: "", label: t("settings.canned.allLanguages") },
              ...languageOptions(locale),
            ]}
            problems={undefined}
          />
        ),
        keep: (a) => shown === "" || a.language === shown,
      }}
      headers={[
        t("settings.canned.titleLabel"),
        t("settings.canned.language"),
        t("settings.canned.brand"),
        t("settings.canned.body"),
      ]}
      row={(a) => [
        a.title,
        languageName(a.language, locale),
        brandName(a.brand_id),
        <span key="body" lang={a.language}>
          {a.body.length > 140 ? `${a.body.slice(0, 140)}…` : a.body}
        </span>,
      ]}
      nameOf={(a) => a.title}
      editor={(slot) => <CannedAnswerEditor {...slot} />}
    />
  );
}

function CannedAnswerEditor({ item, onSaved, onDeleted, onCancel }: EditorSlot<"canned-answers">) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const [title, setTitle] = useState(item?.title ?? "");
  const [language, setLanguage] = useState(
    item?.language ?? (i18n.language === "en" ? "en" : "fr"),
  );
  const [brandId, setBrandId] = useState(brandChoice(item?.brand_id));
  const [body, setBody] = useState(item?.body ?? "");

  const input = (): Partial<CannedAnswerSetting> => ({
    title: title.trim(),
    language,
    brand_id: brandIdOf(brandId),
    body,
  });

  return (
    <SettingsEditor
      resource="canned-answers"
      item={item}
      title={item ? t("settings.canned.edit", { name: item.title }) : t("settings.canned.new")}
      input={input}
      onSaved={onSaved}
      onCancel={onCancel}
      actions={
        item ? (
          <DeleteAction
            labels={{
              delete: t("settings.canned.delete"),
              confirm: t("settings.canned.confirmDelete"),
              deleteForGood: t("settings.canned.deleteForGood"),
              keep: t("settings.canned.keep"),
            }}
            onDelete={async () => {
              await deleteCannedAnswer(item.id);
              onDeleted(item);
            }}
          />
        ) : null
      }
    >
      {(problems) => (
        <>
          <InputField
            label={t("settings.canned.titleLabel")}
            value={title}
            onChange={setTitle}
            required
            problems={problems("title")}
          />
          <SelectField
            label={t("settings.canned.language")}
            value={language}
            onChange={setLanguage}
            options={languageOptions(locale)}
            problems={problems("language")}
          />
          <BrandField
            label={t("settings.canned.brand")}
            value={brandId}
            onChange={setBrandId}
            problems={problems("brand_id")}
          />
          <TextAreaField
            label={t("settings.canned.body")}
            value={body}
            onChange={setBody}
            rows={8}
            lang={language}
            required
            problems={problems("body")}
            hint={
              <span className="settings-variables">
                {t("settings.canned.variables")}{" "}
                {VARIABLES.map((v) => (
                  <span key={v}>
                    <code>{`{{${v}}}`}</code>{" "}
                    {t(
                      `settings.canned.variable.${v === "customer.name" ? "customer" : "advisor"}`,
                    )}{" "}
                  </span>
                ))}
              </span>
            }
          />
        </>
      )}
    </SettingsEditor>
  );
}
