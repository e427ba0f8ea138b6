// SLA policies (admins): first-response, next-response and resolution targets in business minutes,
// for a brand, a priority and a channel (or all of them); the most specific policy applies.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SlaPolicySetting } from "../../api/settings.ts";
import { CHANNELS, PRIORITIES } from "../../api/types.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { channelLabel } from "../common/channel-label.ts";
import { BrandField, brandChoice, brandIdOf, useBrandName } from "./brand-field.tsx";
import { DurationField, type DurationText } from "./duration-field.tsx";
import { InputField, SelectField } from "./fields.tsx";
import { SettingsEditor } from "./settings-editor.tsx";
import { type EditorSlot, SettingsSection } from "./settings-section.tsx";
import { formatMinutes, hoursAndMinutes, totalMinutes } from "./settings-text.ts";

const ALL = "";

export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const brandName = useBrandName();
  return (
    <SettingsSection
      resource="sla-policies"
      title={t("settings.sla.title")}
      intro={t("settings.sla.intro")}
      headers={[
        t("settings.sla.name"),
        t("settings.sla.appliesTo"),
        t("settings.sla.firstResponse"),
        t("settings.sla.nextResponse"),
        t("settings.sla.resolution"),
      ]}
      row={(p) => [
        p.name,
        [
          brandName(p.brand_id),
          p.priority ? t(`priority.${p.priority}`) : t("settings.sla.allPriorities"),
          p.channel ? channelLabel(t, p.channel) : t("settings.sla.allChannels"),
        ].join(" · "),
        formatMinutes(p.first_response_minutes, locale),
        formatMinutes(p.next_response_minutes, locale),
        formatMinutes(p.resolution_minutes, locale),
      ]}
      nameOf={(p) => p.name}
      editor={(slot) => <SlaPolicyEditor {...slot} />}
    />
  );
}

const durationOf = (minutes: number | undefined): DurationText => {
  if (minutes === undefined) return { hours: "", minutes: "" };
  const { hours, minutes: rest } = hoursAndMinutes(minutes);
  return { hours: String(hours), minutes: String(rest) };
};

function SlaPolicyEditor({ item, onSaved, onCancel }: EditorSlot<"sla-policies">) {
  const { t } = useTranslation();
  const [name, setName] = useState(item?.name ?? "");
  const [brandId, setBrandId] = useState(brandChoice(item?.brand_id));
  const [priority, setPriority] = useState<string>(item?.priority ?? ALL);
  const [channel, setChannel] = useState<string>(item?.channel ?? ALL);
  const [first, setFirst] = useState(durationOf(item?.first_response_minutes ?? 240));
  const [next, setNext] = useState(durationOf(item?.next_response_minutes ?? 480));
  const [resolution, setResolution] = useState(durationOf(item?.resolution_minutes ?? 2700));

  const input = (): Partial<SlaPolicySetting> => ({
    name: name.trim(),
    brand_id: brandIdOf(brandId),
    priority: PRIORITIES.find((p) => p === priority) ?? null,
    channel: CHANNELS.find((c) => c === channel) ?? null,
    first_response_minutes: totalMinutes(first.hours, first.minutes),
    next_response_minutes: totalMinutes(next.hours, next.minutes),
    resolution_minutes: totalMinutes(resolution.hours, resolution.minutes),
  });

  return (
    <SettingsEditor
      resource="sla-policies"
      item={item}
      title={item ? t("settings.sla.edit", { name: item.name }) : t("settings.sla.new")}
      input={input}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      {(problems) => (
        <>
          <InputField
            label={t("settings.sla.name")}
            value={name}
            onChange={setName}
            required
            problems={problems("name")}
          />
          <BrandField
            label={t("settings.sla.brand")}
            value={brandId}
            onChange={setBrandId}
            problems={problems("brand_id")}
          />
          <SelectField
            label={t("settings.sla.priority")}
            value={priority}
            onChange={setPriority}
            options={[
              { value: ALL, label: t("settings.sla.allPriorities") },
              ...PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) })),
            ]}
            problems={problems("priority")}
          />
          <SelectField
            label={t("settings.sla.channel")}
            value={channel}
            onChange={setChannel}
            options={[
              { value: ALL, label: t("settings.sla.allChannels") },
              ...CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) })),
            ]}
            problems={problems("channel")}
          />
          <DurationField
            legend={t("settings.sla.firstResponse")}
            value={first}
            onChange={setFirst}
            problems={problems("first_response_minutes")}
          />
          <DurationField
            legend={t("settings.sla.nextResponse")}
            value={next}
            onChange={setNext}
            problems={problems("next_response_minutes")}
          />
          <DurationField
            legend={t("settings.sla.resolution")}
            value={resolution}
            onChange={setResolution}
            problems={problems("resolution_minutes")}
          />
          <p className="field__hint">{t("settings.sla.businessHint")}</p>
        </>
      )}
    </SettingsEditor>
  );
}
