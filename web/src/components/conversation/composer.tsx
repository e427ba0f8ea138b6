// Writing to the customer, or a note for colleagues: a Reply / Note switch (r, n), the text with
// canned answers ("/" at the start, or the picker), copies, files, the brand's signature as it will
// be added, and Ctrl+Enter (⌘+Enter) to send. A note looks like a note, so it is never mistaken
// for a reply. Each message carries one Idempotency-Key, so a retried click never sends it twice.
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NewMessage } from "../../api/conversations.ts";
import { newIdempotencyKey } from "../../api/idempotency-key.ts";
import type { Brand, CannedAnswer, Conversation, MessageKind } from "../../api/types.ts";
import {
  type CannedValues,
  fillVariables,
  firstNameOf,
  matchCannedAnswers,
  slashQuery,
} from "../../display/canned-answer.ts";
import { parseCopies } from "../../display/copies.ts";
import { useCannedAnswers } from "../../hooks/use-canned-answers.ts";
import { useDraft } from "../../hooks/use-draft.ts";
import { useShortcut } from "../../hooks/use-shortcut.ts";
import { AttachmentPicker, attachmentsFit } from "../attachments/attachment-picker.tsx";
import { type PickedFile, readAttachments } from "../attachments/read-files.ts";
import { ProblemMessage } from "../common/problem-message.tsx";
import { CannedAnswerList, cannedOptionId } from "./canned-answer-list.tsx";

type Props = {
  conversation: Conversation;
  recipient: string | null;
  advisorName: string;
  brand: Brand | undefined;
  /** Sends the message; `next` also opens the next conversation of the view the advisor came from. */
  onSend: (message: NewMessage, idempotencyKey: string, next: boolean) => Promise<unknown>;
};

export function Composer({ conversation, recipient, advisorName, brand, onSend }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const text = useRef<HTMLTextAreaElement>(null);
  const [kind, setKind] = useState<MessageKind>("reply");
  const [body, setBody] = useDraft(conversation.id);
  const [keepOpen, setKeepOpen] = useState(false);
  const [ccText, setCcText] = useState("");
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState("");
  const canned = useCannedAnswers(brand?.language ?? null, conversation.brand_id);
  const [picker, setPicker] = useState<{ open: boolean; query: string }>({
    open: false,
    query: "",
  });
  const [active, setActive] = useState(0);
  const [slashDismissed, setSlashDismissed] = useState(false);
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null);

  const copies = parseCopies(kind === "reply" ? ccText : "");
  const slash = slashDismissed ? null : slashQuery(body);
  const listQuery = picker.open ? picker.query : slash;
  const matches = listQuery === null ? [] : matchCannedAnswers(canned.list, listQuery);
  const empty = body.trim() === "";
  const blocked = empty || sending || copies.invalid.length > 0 || !attachmentsFit(files);

  const values: CannedValues = {
    "customer.first_name": firstNameOf(conversation.customer.name),
    "customer.name": conversation.customer.name,
    "advisor.name": advisorName,
    "conversation.reference": conversation.reference,
    "brand.name": brand?.name ?? null,
  };

  const focusText = () => text.current?.focus();

  const insert = (answer: CannedAnswer) => {
    const filled = fillVariables(answer.body, values);
    if (!picker.open) {
      setBody(filled);
    } else {
      const field = text.current;
      const start = field?.selectionStart ?? body.length;
      const end = field?.selectionEnd ?? body.length;
      setBody(body.slice(0, start) + filled + body.slice(end));
    }
    setPicker({ open: false, query: "" });
    setActive(0);
    window.setTimeout(focusText, 0);
  };

  /** Arrows move through the canned answers, Enter or Tab takes one, Escape closes the list. */
  const onListKey = (event: KeyboardEvent<HTMLElement>): boolean => {
    if (listQuery === null) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + matches.length) % Math.max(matches.length, 1));
      return true;
    }
    if ((event.key === "Enter" || event.key === "Tab") && !event.ctrlKey && !event.metaKey) {
      const answer = matches[Math.min(active, matches.length - 1)];
      if (!answer) return false;
      event.preventDefault();
      insert(answer);
      return true;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (picker.open) {
        setPicker({ open: false, query: "" });
        focusText();
      } else setSlashDismissed(true);
      return true;
    }
    return false;
  };

  const idempotencyKey = (message: NewMessage) => {
    const fingerprint = JSON.stringify([message, files.map((f) => f.key)]);
    if (attempt.current?.fingerprint !== fingerprint) {
      attempt.current = { fingerprint, key: newIdempotencyKey() };
    }
    return attempt.current.key;
  };

  const send = async (next: boolean) => {
    if (blocked) return;
    setSending(true);
    setError(null);
    setAnnouncement("");
    try {
      const message: NewMessage = {
        kind,
        body,
        keepOpen: kind === "reply" && keepOpen,
        cc: copies.valid,
        attachments: await readAttachments(files),
      };
      await onSend(message, idempotencyKey({ ...message, attachments: [] }), next);
      attempt.current = null;
      setBody("");
      setCcText("");
      setFiles([]);
      setSlashDismissed(false);
      setAnnouncement(kind === "reply" ? t("composer.replySent") : t("composer.noteAdded"));
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(false);
  };

  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (onListKey(event)) return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send(false);
    }
  };

  const write = (option: MessageKind) => {
    setKind(option);
    focusText();
  };
  useShortcut("r", "shortcuts.reply", () => write("reply"));
  useShortcut("n", "shortcuts.note", () => write("note"));
  useShortcut(
    "escape",
    "shortcuts.leaveComposer",
    () => {
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && focused.closest(".composer")) focused.blur();
    },
    { inFields: true, enabled: listQuery === null },
  );

  const hint =
    kind === "note"
      ? t("composer.noteHint")
      : recipient
        ? t("composer.replyHint", { recipient })
        : t("composer.replyHintUnknown");
  const listId = `${id}-canned`;
  const listOpen = listQuery !== null;

  return (
    <form className={`composer composer--${kind}`} onSubmit={onSubmit}>
      <div className="composer__top">
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
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={picker.open}
          onClick={() => {
            setPicker((current) => ({ open: !current.open, query: "" }));
            setActive(0);
          }}
        >
          {t("composer.canned")}
        </button>
      </div>
      {picker.open ? (
        <input
          type="search"
          className="composer__canned-search"
          aria-label={t("composer.cannedSearch")}
          placeholder={t("composer.cannedSearch")}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={matches.length ? cannedOptionId(listId, active) : undefined}
          // biome-ignore lint/a11y/noAutofocus: the advisor opened the picker to type in it
          autoFocus
          value={picker.query}
          onChange={(event) => {
            setPicker({ open: true, query: event.target.value });
            setActive(0);
          }}
          onKeyDown={onListKey}
        />
      ) : null}
      {kind === "reply" ? (
        <div className="composer__cc">
          <label htmlFor={`${id}-cc`}>{t("composer.cc")}</label>
          <input
            id={`${id}-cc`}
            type="text"
            inputMode="email"
            autoComplete="off"
            value={ccText}
            aria-describedby={`${id}-cc-hint`}
            aria-invalid={copies.invalid.length > 0}
            onChange={(event) => setCcText(event.target.value)}
          />
          <span id={`${id}-cc-hint`} className="composer__hint">
            {copies.invalid.length > 0
              ? t("composer.ccInvalid", { addresses: copies.invalid.join(", ") })
              : t("composer.ccHint")}
          </span>
        </div>
      ) : null}
      <label htmlFor={`${id}-body`} className="visually-hidden">
        {t("composer.label")}
      </label>
      <textarea
        ref={text}
        id={`${id}-body`}
        className="composer__text"
        rows={6}
        value={body}
        placeholder={
          kind === "note" ? t("composer.notePlaceholder") : t("composer.replyPlaceholder")
        }
        aria-describedby={`${id}-hint`}
        aria-controls={listOpen ? listId : undefined}
        aria-activedescendant={
          listOpen && !picker.open && matches.length ? cannedOptionId(listId, active) : undefined
        }
        onChange={(event) => {
          setBody(event.target.value);
          setSlashDismissed(false);
          setActive(0);
        }}
        onKeyDown={onTextKeyDown}
      />
      {listOpen ? (
        <CannedAnswerList
          id={listId}
          answers={matches}
          active={active}
          loading={canned.state.status === "loading"}
          onPick={insert}
        />
      ) : null}
      {kind === "reply" ? (
        <div className="composer__signature">
          <span className="composer__hint">{t("composer.signature")}</span>
          {brand?.signature ? (
            <pre className="composer__signature-text">{`--\n${brand.signature}`}</pre>
          ) : (
            <span className="composer__hint">{t("composer.noSignature")}</span>
          )}
        </div>
      ) : null}
      <AttachmentPicker files={files} onChange={setFiles} />
      <div className="composer__footer">
        <p id={`${id}-hint`} className="composer__hint">
          {hint} <span className="composer__shortcut">{t("composer.shortcut")}</span>{" "}
          <span className="composer__shortcut">{t("composer.cannedSlashHint")}</span>
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
        <button
          type="button"
          className="button button--secondary"
          disabled={blocked}
          onClick={() => void send(true)}
        >
          {t("composer.sendAndNext")}
        </button>
        <button type="submit" className="button button--primary" disabled={blocked}>
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
