// A target in business minutes, typed as hours and minutes.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { FieldProblem } from "../../api/client.ts";
import { FieldProblemText } from "./fields.tsx";

export type DurationText = { hours: string; minutes: string };

type Props = {
  legend: string;
  value: DurationText;
  onChange: (value: DurationText) => void;
  problems: FieldProblem[] | undefined;
};

export function DurationField({ legend, value, onChange, problems }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const invalid = problems?.length ? true : undefined;
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className="settings-inline">
        <div className="field">
          <label htmlFor={`${id}-h`}>{t("settings.sla.hours")}</label>
          <input
            id={`${id}-h`}
            type="number"
            min={0}
            value={value.hours}
            aria-invalid={invalid}
            onChange={(event) => onChange({ ...value, hours: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-m`}>{t("settings.sla.minutes")}</label>
          <input
            id={`${id}-m`}
            type="number"
            min={0}
            max={59}
            value={value.minutes}
            aria-invalid={invalid}
            onChange={(event) => onChange({ ...value, minutes: event.target.value })}
          />
        </div>
      </div>
      {problems?.map((p) => (
        <p key={`${p.path}-${p.message}`} className="settings-field__problems" role="note">
          <FieldProblemText problem={p} />
        </p>
      ))}
    </fieldset>
  );
}
