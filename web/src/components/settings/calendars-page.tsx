// Business calendars (admins): opening hours per weekday in a time zone, and the holidays that close
// whole days; SLA due times count only their open minutes.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CalendarSetting, WEEKDAYS } from "../../api/settings.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { FieldProblemText, InputField } from "./fields.tsx";
import { SettingsEditor } from "./settings-editor.tsx";
import { type EditorSlot, SettingsSection } from "./settings-section.tsx";
import {
  formatDay,
  parseWeek,
  rangesText,
  weekText,
  withHoliday,
  withoutHoliday,
} from "./settings-text.ts";
import { WeekField } from "./week-field.tsx";

const DEFAULT_HOURS = { start: "09:00", end: "18:00" };

export function CalendarsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const holidayText = (c: CalendarSetting) =>
    c.holidays.map((day) => formatDay(day, locale)).join(", ");
  return (
    <SettingsSection
      resource="calendars"
      title={t("settings.calendars.title")}
      intro={t("settings.calendars.intro")}
      headers={[
        t("settings.calendars.name"),
        t("settings.timeZone"),
        t("settings.calendars.hours"),
        t("settings.calendars.holidays"),
      ]}
      row={(c) => [
        c.name,
        c.time_zone,
        <span key="hours" className="settings-nowrap">
          {WEEKDAYS.filter((day) => c.weekly_hours[day].length > 0)
            .map((day) => `${t(`settings.day.${day}`)} ${rangesText(c.weekly_hours[day])}`)
            .join("\n")}
        </span>,
        holidayText(c),
      ]}
      nameOf={(c) => c.name}
      editor={(slot) => <CalendarEditor {...slot} />}
    />
  );
}

function CalendarEditor({ item, onSaved, onCancel }: EditorSlot<"calendars">) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [name, setName] = useState(item?.name ?? "");
  const [timeZone, setTimeZone] = useState(item?.time_zone ?? "Europe/Paris");
  const [week, setWeek] = useState(
    weekText(
      item?.weekly_hours ?? {
        mon: [DEFAULT_HOURS],
        tue: [DEFAULT_HOURS],
        wed: [DEFAULT_HOURS],
        thu: [DEFAULT_HOURS],
        fri: [DEFAULT_HOURS],
      },
    ),
  );
  const [holidays, setHolidays] = useState<string[]>(item?.holidays ?? []);
  const [day, setDay] = useState("");

  const input = (): Partial<CalendarSetting> => ({
    name: name.trim(),
    time_zone: timeZone.trim(),
    weekly_hours: parseWeek(week),
    holidays,
  });
  const addHoliday = () => {
    if (day === "") return;
    setHolidays((list) => withHoliday(list, day));
    setDay("");
  };

  return (
    <SettingsEditor
      resource="calendars"
      item={item}
      title={item ? t("settings.calendars.edit", { name: item.name }) : t("settings.calendars.new")}
      input={input}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      {(problems) => (
        <>
          <InputField
            label={t("settings.calendars.name")}
            value={name}
            onChange={setName}
            required
            problems={problems("name")}
          />
          <InputField
            label={t("settings.timeZone")}
            hint={t("settings.timeZoneHint")}
            value={timeZone}
            onChange={setTimeZone}
            required
            problems={problems("time_zone")}
          />
          <WeekField
            legend={t("settings.calendars.hours")}
            value={week}
            onChange={setWeek}
            problems={problems("weekly_hours")}
          />
          <fieldset className="field">
            <legend>{t("settings.calendars.holidays")}</legend>
            {holidays.length === 0 ? (
              <span className="field__hint">{t("settings.calendars.noHolidays")}</span>
            ) : (
              <ul className="settings-holidays" aria-label={t("settings.calendars.holidays")}>
                {holidays.map((h) => (
                  <li key={h}>
                    <time dateTime={h}>{formatDay(h, locale)}</time>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t("settings.calendars.removeHoliday", {
                        day: formatDay(h, locale),
                      })}
                      onClick={() => setHolidays((list) => withoutHoliday(list, h))}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className="settings-inline">
              <div className="field">
                <label htmlFor={`${id}-day`}>{t("settings.calendars.holidayDay")}</label>
                <input
                  id={`${id}-day`}
                  type="date"
                  value={day}
                  onChange={(event) => setDay(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter") {
                      event.preventDefault();
                      addHoliday();
                    }
                  }}
                />
              </div>
              <button type="button" className="button button--secondary" onClick={addHoliday}>
                {t("settings.calendars.addHoliday")}
              </button>
            </div>
            {problems("holidays")?.map((p) => (
              <p key={`${p.path}-${p.message}`} className="settings-field__problems">
                <FieldProblemText problem={p} />
              </p>
            ))}
          </fieldset>
        </>
      )}
    </SettingsEditor>
  );
}
