// Writing to the customer, or a note for colleagues: a Reply / Note switch, the text, and
// Ctrl+Enter (⌘+Enter) to send. A note looks like a note, so it is never mistaken for a reply.
import { type FormEvent, type KeyboardEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Message, MessageKind } from "../../api/types.ts";
import { useDraft } from "../../hooks/use-draft.ts";
import { ProblemMessage } from "../common/problem-message.tsx";

type Props = {
  conversationId: string;
  recipient: string | null;
  onSend: (kind: MessageKind, body: string, keepOpen: boolean) => Promise<Message>;
};

export function Composer({ conversationId, recipient, onSend }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<MessageKind>("reply");
  const [body, setBody] = useDraft(conversationId);
  const [keepOpen, setKeepOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState("");
  const empty = body.trim() === "";

  const send = async () => {
    if (empty || sending) return;
    setSending(true);
    setError(null);
    setAnnouncement("");
    try {
      await onSend(kind, body, keepOpen);
      setBody("");
      setAnnouncement(kind === "reply" ? t("composer.replySent") : t("composer.noteAdded"));
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const hint =
    kind === "note"
      ? t("composer.noteHint")
      : recipient
        ? t("composer.replyHint", { recipient })
        : t("composer.replyHintUnknown");

  return (
    <form className={`composer composer--${kind}`} onSubmit={onSubmit}>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("composer.mode")}</legend>
        {(["reply", "note"] as const).map((option) => (
          <label key={option} className="segmented__option">
            <input
              type="radio"
              name={`${id}-kind`}
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
            />
            <span>{t(`composer.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-body`} className="visually-hidden">
        {t("composer.label")}
      </label>
      <textarea
        id={`${id}-body`}
        className="composer__text"
        rows={6}
        value={body}
        placeholder={
          kind === "note" ? t("composer.notePlaceholder") : t("composer.replyPlaceholder")
        }
        aria-describedby={`${id}-hint`}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer__footer">
        <p id={`${id}-hint`} className="composer__hint">
          {hint} <span className="composer__shortcut">{t("composer.shortcut")}</span>
        </p>
        {kind === "reply" ? (
          <label className="toggle composer__keep-open">
            <input
              type="checkbox"
              checked={keepOpen}
              onChange={(event) => setKeepOpen(event.target.checked)}
            />
            <span>{t("composer.keepOpen")}</span>
          </label>
        ) : null}
        <button type="submit" className="button button--primary" disabled={empty || sending}>
          {sending
            ? t("composer.sending")
            : kind === "note"
              ? t("composer.sendNote")
              : t("composer.sendReply")}
        </button>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </form>
  );
}
