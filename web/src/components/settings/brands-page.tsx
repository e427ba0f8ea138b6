// Brands (admins): their inbound addresses, the signature under every reply, the language and time
// zone customers are written in, the team that answers its new conversations, and whether the
// commitment charter is public.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BrandSetting } from "../../api/settings.ts";
import { languageName } from "../../display/language-name.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { useTeams } from "../../hooks/use-teams.ts";
import { CheckField, InputField, SelectField, TextAreaField } from "./fields.tsx";
import { languageOptions } from "./language-options.ts";
import { SettingsEditor } from "./settings-editor.tsx";
import { type EditorSlot, SettingsSection } from "./settings-section.tsx";
import { listFromText } from "./settings-text.ts";

export function BrandsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SettingsSection
      resource="brands"
      title={t("settings.brands.title")}
      intro={t("settings.brands.intro")}
      headers={[
        t("settings.brands.name"),
        t("settings.brands.addresses"),
        t("settings.brands.language"),
        t("settings.brands.charter"),
      ]}
      row={(b) => [
        b.name,
        b.addresses.join("\n"),
        languageName(b.language, locale),
        b.charter_public ? t("settings.brands.charterOn") : t("settings.brands.charterOff"),
      ]}
      nameOf={(b) => b.name}
      editor={(slot) => <BrandEditor {...slot} />}
    />
  );
}

function BrandEditor({ item, onSaved, onCancel }: EditorSlot<"brands">) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [name, setName] = useState(item?.name ?? "");
  const [slug, setSlug] = useState(item?.slug ?? "");
  const [addresses, setAddresses] = useState(item?.addresses.join(", ") ?? "");
  const [language, setLanguage] = useState(item?.language ?? "fr");
  const [timeZone, setTimeZone] = useState(item?.time_zone ?? "Europe/Paris");
  const [country, setCountry] = useState(item?.country ?? "");
  const [signature, setSignature] = useState(item?.signature ?? "");
  const [charter, setCharter] = useState(item?.charter_public ?? false);
  const [teamId, setTeamId] = useState(item?.team_id ?? "");
  const teams = useTeams();
  const input = (): Partial<BrandSetting> => ({
    name: name.trim(),
    slug: slug.trim(),
    addresses: listFromText(addresses),
    language,
    time_zone: timeZone.trim(),
    country: country.trim() === "" ? null : country.trim(),
    signature,
    charter_public: charter,
    team_id: teamId === "" ? null : teamId,
  });
  return (
    <SettingsEditor
      resource="brands"
      item={item}
      title={item ? t("settings.brands.edit", { name: item.name }) : t("settings.brands.new")}
      input={input}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      {(problems) => (
        <>
          <InputField
            label={t("settings.brands.name")}
            value={name}
            onChange={setName}
            required
            problems={problems("name")}
          />
          <InputField
            label={t("settings.brands.slug")}
            hint={t("settings.brands.slugHint")}
            value={slug}
            onChange={setSlug}
            required
            problems={problems("slug")}
          />
          <InputField
            label={t("settings.brands.addresses")}
            hint={t("settings.brands.addressesHint")}
            value={addresses}
            onChange={setAddresses}
            required
            problems={problems("addresses")}
          />
          <SelectField
            label={t("settings.brands.language")}
            value={language}
            onChange={setLanguage}
            options={languageOptions(locale)}
            problems={problems("language")}
          />
          <InputField
            label={t("settings.timeZone")}
            hint={t("settings.timeZoneHint")}
            value={timeZone}
            onChange={setTimeZone}
            problems={problems("time_zone")}
          />
          <InputField
            label={t("settings.brands.country")}
            hint={t("settings.brands.countryHint")}
            value={country}
            onChange={setCountry}
            problems={problems("country")}
          />
          <TextAreaField
            label={t("settings.brands.signature")}
            value={signature}
            onChange={setSignature}
            rows={4}
            problems={problems("signature")}
          />
          <SelectField
            label={t("settings.brands.team")}
            hint={t("settings.brands.teamHint")}
            value={teamId}
            onChange={setTeamId}
            options={[
              { value: "", label: t("settings.brands.noTeam") },
              ...teams.list.map((team) => ({ value: team.id, label: team.name })),
            ]}
            problems={problems("team_id")}
          />
          <CheckField
            label={t("settings.brands.charterPublic")}
            hint={t("settings.brands.charterHint", { slug: slug || "…" })}
            checked={charter}
            onChange={setCharter}
            problems={problems("charter_public")}
          />
        </>
      )}
    </SettingsEditor>
  );
}
