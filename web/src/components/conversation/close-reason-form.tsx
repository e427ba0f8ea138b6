// Asked when the server refuses to resolve or close a conversation nobody has answered: its
// explanation, and the recorded reasons that allow it.
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CLOSE_REASONS, type CloseReason } from "../../api/types.ts";
import { type CloseRefusal, closeRefusalText } from "../../display/close-refusal.ts";

type Props = {
  refusal: CloseRefusal;
  saving: boolean;
  onConfirm: (reason: CloseReason) => Promise<void>;
  onCancel: () => void;
};

export function CloseReasonForm({ refusal, saving, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState<CloseReason | null>(null);
  const container = useRef<HTMLFormElement>(null);

  useEffect(() => {
    container.current?.focus();
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason) void onConfirm(reason);
  };

  return (
    <form
      ref={container}
      className="close-reason"
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-detail`}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <h3 id={`${id}-title`} className="close-reason__title">
        {t("conversation.close.title")}
      </h3>
      <p id={`${id}-detail`} className="close-reason__detail" role="alert">
        {closeRefusalText(t, refusal)}
      </p>
      <fieldset>
        <legend>{t("conversation.close.reasonLabel")}</legend>
        {CLOSE_REASONS.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name={`${id}-reason`}
              value={option}
              checked={reason === option}
              onChange={() => setReason(option)}
            />
            <span>{t(`closeReason.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="close-reason__actions">
        <button type="submit" className="button button--primary" disabled={!reason || saving}>
          {t("conversation.close.confirm", { status: t(`status.${refusal.status}`) })}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("conversation.close.cancel")}
        </button>
      </div>
    </form>
  );
}
