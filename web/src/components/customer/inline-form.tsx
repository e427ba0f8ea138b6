// A form that opens in place on the customer page: its title, its fields (disabled while it saves),
// what went wrong, and Save and Cancel; Escape cancels. The form's own `save` does the writing.
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { ProblemMessage } from "../common/problem-message.tsx";

type Props = {
  className: string;
  title: string;
  saveLabel: string;
  savingLabel: string;
  cancelLabel: string;
  /** Writes what the form holds; a failure is shown and the form stays open. */
  save: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
};

export function InlineForm(props: Props) {
  const id = useId();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await props.save();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={props.className}
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !saving) props.onCancel();
      }}
    >
      <h3 id={`${id}-title`} className="section-title">
        {props.title}
      </h3>
      <fieldset disabled={saving}>{props.children}</fieldset>
      {error ? <ProblemMessage error={error} /> : null}
      <div className="customer-edit__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? props.savingLabel : props.saveLabel}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={saving}
          onClick={props.onCancel}
        >
          {props.cancelLabel}
        </button>
      </div>
    </form>
  );
}
