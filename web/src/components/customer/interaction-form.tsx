// Logs a call or a visit with the customer: which, who reached out, when and for how long, what
// was said, and the conversation it belongs to (or a new one). Escape cancels.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { logInteraction } from "../../api/customers.ts";
import { attemptKeys } from "../../api/idempotency-key.ts";
import type { LoggedInteraction, TimelineConversation } from "../../api/types.ts";
import { InlineForm } from "./inline-form.tsx";

type Props = {
  customerId: string;
  /** The customer's conversations the contact may belong to, newest first. */
  conversations: readonly TimelineConversation[];
  /** Preselected conversation, when logged from one. */
  conversationId?: string;
  onLogged: (logged: LoggedInteraction) => void;
  onCancel: () => void;
};

/** A date and time as a `datetime-local` field holds it, in the browser's time zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

export function InteractionForm({
  customerId,
  conversations,
  conversationId,
  onLogged,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [channel, setChannel] = useState<"phone" | "visit">("phone");
  const [direction, setDirection] = useState<"inbound" | "outbound">("inbound");
  const [when, setWhen] = useState(() => localInputValue(new Date()));
  const [duration, setDuration] = useState("");
  const [summary, setSummary] = useState("");
  const [conversation, setConversation] = useState(conversationId ?? "");
  const [answering, setAnswering] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const [keys] = useState(attemptKeys);
  useEffect(() => first.current?.focus(), []);

  const save = async () => {
    const at = new Date(when);
    const input = {
      channel,
      direction,
      summary,
      answering,
      ...(conversation ? { conversation_id: conversation } : {}),
      ...(Number.isNaN(at.getTime()) ? {} : { occurred_at: at.toISOString() }),
      ...(duration === "" ? {} : { duration_minutes: Number(duration) }),
    };
    const logged = await logInteraction(customerId, input, keys.keyFor(input));
    keys.done();
    onLogged(logged);
  };

  return (
    <InlineForm
      className="interaction-form"
      title={t("customer.log.title")}
      saveLabel={t("customer.log.save")}
      savingLabel={t("customer.log.saving")}
      cancelLabel={t("customer.log.cancel")}
      save={save}
      onCancel={onCancel}
    >
      <fieldset className="interaction-form__choice">
        <legend>{t("customer.log.kind")}</legend>
        {(["phone", "visit"] as const).map((value, index) => (
          <label key={value}>
            <input
              ref={index === 0 ? first : undefined}
              type="radio"
              name={`${id}-channel`}
              value={value}
              checked={channel === value}
              onChange={() => setChannel(value)}
            />{" "}
            {t(`customer.log.${value}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="interaction-form__choice">
        <legend>{t("customer.log.direction")}</legend>
        {(["inbound", "outbound"] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-direction`}
              value={value}
              checked={direction === value}
              onChange={() => setDirection(value)}
            />{" "}
            {t(`customer.log.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-when`}>{t("customer.log.when")}</label>
        <input
          id={`${id}-when`}
          type="datetime-local"
          required
          value={when}
          max={localInputValue(new Date(Date.now() + 5 * 60_000))}
          onChange={(event) => setWhen(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-duration`}>{t("customer.log.duration")}</label>
        <input
          id={`${id}-duration`}
          type="number"
          min={0}
          max={1440}
          step={1}
          inputMode="numeric"
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>{t("customer.log.summary")}</label>
        <textarea
          id={`${id}-summary`}
          rows={4}
          required
          maxLength={100_000}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-conversation`}>{t("customer.log.conversation")}</label>
        <select
          id={`${id}-conversation`}
          value={conversation}
          onChange={(event) => setConversation(event.target.value)}
        >
          <option value="">{t("customer.log.newConversation")}</option>
          {conversations.map((c) => (
            <option key={c.id} value={c.id}>
              #{c.reference} · {c.subject || t("timeline.noSubject")}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={answering}
            onChange={(event) => setAnswering(event.target.checked)}
          />{" "}
          {t("customer.log.answering")}
        </label>
      </div>
    </InlineForm>
  );
}
