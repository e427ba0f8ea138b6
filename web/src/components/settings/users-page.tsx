// Users (admins): their role, languages, working schedule, out-of-office period and capacity;
// a user who leaves is deactivated (the API keeps their history), never deleted.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UserSetting } from "../../api/settings.ts";
import { ROLES } from "../../api/types.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { CheckField, InputField, SelectField } from "./fields.tsx";
import { SettingsEditor } from "./settings-editor.tsx";
import { type EditorSlot, SettingsSection } from "./settings-section.tsx";
import {
  instantFromInput,
  isEmptyWeek,
  listFromText,
  localInputValue,
  parseWeek,
  weekText,
} from "./settings-text.ts";
import { WeekField } from "./week-field.tsx";

export function UsersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  return (
    <SettingsSection
      resource="users"
      title={t("settings.users.title")}
      intro={t("settings.users.intro")}
      headers={[
        t("settings.users.name"),
        t("settings.users.role"),
        t("settings.users.languages"),
        t("settings.users.capacity"),
        t("settings.users.outOfOffice"),
        t("settings.users.state"),
      ]}
      row={(u) => [
        `${u.name}\n${u.email}`,
        t(`header.role.${u.role}`),
        u.languages.join(", "),
        u.capacity === null ? t("settings.users.noLimit") : number.format(u.capacity),
        u.out_of_office
          ? t("settings.users.away", {
              from: formatDateTime(u.out_of_office.from, locale),
              until: formatDateTime(u.out_of_office.until, locale),
            })
          : "",
        u.active ? t("settings.users.active") : t("settings.users.inactive"),
      ]}
      nameOf={(u) => u.name}
      editor={(slot) => <UserEditor {...slot} />}
    />
  );
}

function UserEditor({ item, onSaved, onCancel }: EditorSlot<"users">) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(item?.email ?? "");
  const [name, setName] = useState(item?.name ?? "");
  const [role, setRole] = useState(item?.role ?? "advisor");
  const [languages, setLanguages] = useState(item?.languages.join(", ") ?? "fr");
  const [timeZone, setTimeZone] = useState(item?.time_zone ?? "");
  const [schedule, setSchedule] = useState(weekText(item?.schedule));
  const [away, setAway] = useState(
    item?.out_of_office !== null && item?.out_of_office !== undefined,
  );
  const [awayFrom, setAwayFrom] = useState(localInputValue(item?.out_of_office?.from));
  const [awayUntil, setAwayUntil] = useState(localInputValue(item?.out_of_office?.until));
  const [capacity, setCapacity] = useState(
    item?.capacity === null || !item ? "" : String(item.capacity),
  );
  const [active, setActive] = useState(item?.active ?? true);
  const [password, setPassword] = useState("");

  const input = (): Partial<UserSetting & { password: string }> => {
    const week = parseWeek(schedule);
    return {
      email: email.trim(),
      name: name.trim(),
      role,
      languages: listFromText(languages),
      time_zone: timeZone.trim() === "" ? null : timeZone.trim(),
      schedule: isEmptyWeek(week) ? null : week,
      out_of_office: away
        ? { from: instantFromInput(awayFrom), until: instantFromInput(awayUntil) }
        : null,
      capacity: capacity.trim() === "" ? null : Number(capacity),
      active,
      ...(password === "" ? {} : { password }),
    };
  };

  return (
    <SettingsEditor
      resource="users"
      item={item}
      title={item ? t("settings.users.edit", { name: item.name }) : t("settings.users.new")}
      input={input}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      {(problems) => (
        <>
          <InputField
            label={t("settings.users.name")}
            value={name}
            onChange={setName}
            required
            problems={problems("name")}
          />
          <InputField
            label={t("settings.users.email")}
            type="email"
            value={email}
            onChange={setEmail}
            required
            problems={problems("email")}
          />
          <SelectField
            label={t("settings.users.role")}
            value={role}
            onChange={(value) => setRole(ROLES.find((r) => r === value) ?? "advisor")}
            options={ROLES.map((r) => ({ value: r, label: t(`header.role.${r}`) }))}
            problems={problems("role")}
          />
          <InputField
            label={t("settings.users.languages")}
            hint={t("settings.users.languagesHint")}
            value={languages}
            onChange={setLanguages}
            problems={problems("languages")}
          />
          <InputField
            label={t("settings.timeZone")}
            hint={t("settings.users.timeZoneHint")}
            value={timeZone}
            onChange={setTimeZone}
            problems={problems("time_zone")}
          />
          <WeekField
            legend={t("settings.users.schedule")}
            value={schedule}
            onChange={setSchedule}
            problems={problems("schedule")}
          />
          <InputField
            label={t("settings.users.capacity")}
            hint={t("settings.users.capacityHint")}
            type="number"
            min={0}
            value={capacity}
            onChange={setCapacity}
            problems={problems("capacity")}
          />
          <CheckField label={t("settings.users.awayOn")} checked={away} onChange={setAway} />
          {away ? (
            <div className="settings-inline">
              <InputField
                label={t("settings.users.awayFrom")}
                type="datetime-local"
                value={awayFrom}
                onChange={setAwayFrom}
                problems={problems("out_of_office")}
              />
              <InputField
                label={t("settings.users.awayUntil")}
                type="datetime-local"
                value={awayUntil}
                onChange={setAwayUntil}
              />
            </div>
          ) : null}
          <CheckField
            label={t("settings.users.activeLabel")}
            hint={t("settings.users.activeHint")}
            checked={active}
            onChange={setActive}
            problems={problems("active")}
          />
          <InputField
            label={item ? t("settings.users.newPassword") : t("settings.users.password")}
            hint={t("settings.users.passwordHint")}
            type="password"
            value={password}
            onChange={setPassword}
            problems={problems("password")}
          />
        </>
      )}
    </SettingsEditor>
  );
}
