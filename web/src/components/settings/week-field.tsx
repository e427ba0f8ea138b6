// A week of opening hours: one line per day ("09:00–12:00, 13:00–18:00"), an empty line for a
// closed day; the API's problems for a day are shown beside it.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { FieldProblem } from "../../api/client.ts";
import { WEEKDAYS } from "../../api/settings.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { FieldProblemText } from "./fields.tsx";
import type { WeekText } from "./settings-text.ts";

// 2024-01-01 was a Monday: the days of that week give the weekday names in any locale.
const dayName = (index: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
    Date.UTC(2024, 0, 1 + index),
  );

type Props = {
  legend: string;
  value: WeekText;
  onChange: (value: WeekText) => void;
  /** The problems under this field (paths such as /weekly_hours/mon/0). */
  problems: FieldProblem[] | undefined;
};

export function WeekField({ legend, value, onChange, problems }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const whole = problems?.filter((p) => !WEEKDAYS.some((day) => p.path.includes(`/${day}`)));
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <span className="field__hint">{t("settings.weekHint")}</span>
      <div className="settings-week">
        {WEEKDAYS.map((day, index) => {
          const mine = problems?.filter((p) => p.path.includes(`/${day}`)) ?? [];
          return (
            <div key={day} style={{ display: "contents" }}>
              <label htmlFor={`${id}-${day}`}>{dayName(index, locale)}</label>
              <div>
                <input
                  id={`${id}-${day}`}
                  value={value[day]}
                  placeholder={t("settings.closed")}
                  aria-invalid={mine.length > 0 ? true : undefined}
                  aria-describedby={mine.length > 0 ? `${id}-${day}-problems` : undefined}
                  onChange={(event) => onChange({ ...value, [day]: event.target.value })}
                />
                {mine.length > 0 ? (
                  <ul className="settings-field__problems" id={`${id}-${day}-problems`}>
                    {mine.map((p) => (
                      <li key={`${p.path}-${p.message}`}>
                        <FieldProblemText problem={p} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      {whole && whole.length > 0 ? (
        <ul className="settings-field__problems">
          {whole.map((p) => (
            <li key={`${p.path}-${p.message}`}>
              <FieldProblemText problem={p} />
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
