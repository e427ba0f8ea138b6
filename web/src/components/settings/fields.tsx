// The labelled inputs of the settings forms: each with its label, an optional hint, and the API's
// problems for that field read out beside it (aria-invalid, aria-describedby).
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type { FieldProblem } from "../../api/client.ts";
import { fieldProblemText } from "../../display/problem-code.ts";

type Base = {
  label: string;
  hint?: ReactNode;
  problems?: FieldProblem[] | undefined;
};

/** A problem in the console's language when its code is known, else as the API worded it. */
export function FieldProblemText({ problem }: { problem: FieldProblem }) {
  const { t } = useTranslation();
  return <>{fieldProblemText(t, problem)}</>;
}

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

/** What a control needs to be named and described: its id and ARIA attributes. */
type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A label above a control, then its hint and problems: the control itself is the caller's. */
function Labelled({
  label,
  hint,
  problems,
  control,
}: Base & { control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({
        id,
        "aria-invalid": problems?.length ? true : undefined,
        "aria-describedby": describedBy(id, hint, problems),
      })}
      <Described id={id} hint={hint} problems={problems} />
    </div>
  );
}

type Text = { value: string; onChange: (value: string) => void };

type InputProps = Base &
  Text & {
    type?: "text" | "email" | "number" | "date" | "datetime-local" | "password";
    required?: boolean;
    min?: number;
    max?: number;
    maxLength?: number;
    placeholder?: string;
    disabled?: boolean;
  };

export function InputField({ label, hint, problems, value, onChange, type, ...rest }: InputProps) {
  return (
    <Labelled
      label={label}
      hint={hint}
      problems={problems}
      control={(props) => (
        <input
          {...props}
          {...rest}
          type={type ?? "text"}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    />
  );
}

type TextAreaProps = Base & Text & { rows?: number; required?: boolean; lang?: string };

export function TextAreaField({ label, hint, problems, value, onChange, ...rest }: TextAreaProps) {
  return (
    <Labelled
      label={label}
      hint={hint}
      problems={problems}
      control={(props) => (
        <textarea
          {...props}
          {...rest}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    />
  );
}

type SelectProps = Base &
  Text & { options: ReadonlyArray<{ value: string; label: string }>; disabled?: boolean };

export function SelectField({
  label,
  hint,
  problems,
  value,
  onChange,
  options,
  disabled,
}: SelectProps) {
  return (
    <Labelled
      label={label}
      hint={hint}
      problems={problems}
      control={(props) => (
        <select
          {...props}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
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
