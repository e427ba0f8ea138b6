// The labelled inputs of the settings forms: each with its label, an optional hint, and the API's
// problems for that field read out beside it (aria-invalid, aria-describedby).
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type { FieldProblem } from "../../api/client.ts";
import { oneOf } from "../../display/one-of.ts";

type Base = {
  label: string;
  hint?: ReactNode;
  problems?: FieldProblem[] | undefined;
};

/** A problem in the console's language when its code is known, else as the API worded it. */
export function FieldProblemText({ problem }: { problem: FieldProblem }) {
  const { t } = useTranslation();
  const code =
    problem.code !== null && oneOf(CALENDAR_PROBLEMS, problem.code) ? problem.code : null;
  return <>{code ? t(`settings.problem.${code}`) : problem.message}</>;
}

/** The calendar rules' own codes (src/domain/sla/calendar.ts), worded in the console's language. */
const CALENDAR_PROBLEMS = [
  "invalid_time_zone",
  "invalid_time",
  "empty_range",
  "overlapping_ranges",
  "no_open_hours",
  "invalid_holiday",
] as const;

function Described({
  id,
  hint,
  problems,
}: {
  id: string;
  hint?: ReactNode;
  problems?: FieldProblem[] | undefined;
}) {
  return (
    <>
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {problems && problems.length > 0 ? (
        <ul className="settings-field__problems" id={`${id}-problems`}>
          {problems.map((problem) => (
            <li key={`${problem.path}-${problem.message}`}>
              <FieldProblemText problem={problem} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function describedBy(id: string, hint: unknown, problems?: FieldProblem[]) {
  const ids = [hint ? `${id}-hint` : "", problems?.length ? `${id}-problems` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

type InputProps = Base & {
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "number" | "date" | "datetime-local" | "password";
  required?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  placeholder?: string;
  disabled?: boolean;
};

export function InputField({ label, hint, problems, value, onChange, type, ...rest }: InputProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type ?? "text"}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problems?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, problems)}
        {...rest}
      />
      <Described id={id} hint={hint} problems={problems} />
    </div>
  );
}

type TextAreaProps = Base & {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  required?: boolean;
  lang?: string;
};

export function TextAreaField({ label, hint, problems, value, onChange, ...rest }: TextAreaProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problems?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, problems)}
        {...rest}
      />
      <Described id={id} hint={hint} problems={problems} />
    </div>
  );
}

type SelectProps = Base & {
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  disabled?: boolean;
};

export function SelectField({
  label,
  hint,
  problems,
  value,
  onChange,
  options,
  disabled,
}: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problems?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, problems)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Described id={id} hint={hint} problems={problems} />
    </div>
  );
}

type CheckProps = Base & { checked: boolean; onChange: (checked: boolean) => void };

export function CheckField({ label, hint, problems, checked, onChange }: CheckProps) {
  const id = useId();
  return (
    <div className="field">
      <label>
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy(id, hint, problems)}
        />{" "}
        {label}
      </label>
      <Described id={id} hint={hint} problems={problems} />
    </div>
  );
}
