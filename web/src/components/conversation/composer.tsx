// Writing to the customer, or a note for colleagues: a Reply / Note switch (r, n), the text with
// canned answers ("/" at the start, or the picker), copies, files, the brand's signature as it will
// be added, and Ctrl+Enter (⌘+Enter) to send. A note looks like a note, so it is never mistaken
// for a reply. Each message carries one Idempotency-Key, so a retried click never sends it twice.
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NewMessage } from "../../api/conversations.ts";
import { attemptKeys } from "../../api/idempotency-key.ts";
import type { Brand, Conversation, MessageKind } from "../../api/types.ts";
import {
  type CannedValues,
  firstNameOf,
  formatPromise,
  promiseDueOf,
  variantsFor,
} from "../../display/canned-answer.ts";
import { parseCopies } from "../../display/copies.ts";
import { useCannedAnswers } from "../../hooks/use-canned-answers.ts";
import { useCannedPicker } from "../../hooks/use-canned-picker.ts";
import { useCustomer } from "../../hooks/use-customer.ts";
import { useDraft } from "../../hooks/use-draft.ts";
import { useShortcut } from "../../hooks/use-shortcut.ts";
import { AttachmentPicker, attachmentsFit } from "../attachments/attachment-picker.tsx";
import { type PickedFile, readAttachments } from "../attachments/read-files.ts";
import { ProblemMessage } from "../common/problem-message.tsx";
import { CannedAnswerList, cannedOptionId } from "./canned-answer-list.tsx";
import { CannedPreview } from "./canned-preview.tsx";
import { CopiesField } from "./copies-field.tsx";
import { SignaturePreview } from "./signature-preview.tsx";

type Props = {
  conversation: Conversation;
  recipient: string | null;
  /** The conversation's assignee, else the advisor writing: who {{advisor.name}} is. */
  advisorName: string;
  brand: Brand | undefined;

  /** Sends the message; `next` also opens the next conversation of the view the advisor came from. */
  onSend: (message: NewMessage, idempotencyKey: string, next: boolean) => Promise<unknown>;
  /** Called as the advisor types (the collision warning tells the others). */
  onTyping?: () => void;
};

export function Composer({ conversation, recipient, advisorName, brand, onSend, onTyping }: Props) {
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
  // What goes to the customer speaks their language (their preference, else the brand's), and
  // says times in their time zone: their profile is read for it.
  const profile = useCustomer(conversation.customer_id);
  const customer = profile.state.status === "ready" ? profile.state.data : null;
  const customerLanguage = customer?.preferred_language ?? null;
  const language = customerLanguage ?? brand?.language ?? null;
  const canned = useCannedAnswers(language, conversation.brand_id);
  // Escape is the composer's only while the focus is in it: elsewhere it closes dialogs and menus.
  const [inside, setInside] = useState(false);
  const [keys] = useState(attemptKeys);

  const copies = parseCopies(kind === "reply" ? ccText : "");
  const empty = body.trim() === "";
  const blocked = empty || sending || copies.invalid.length > 0 || !attachmentsFit(files);

  const values: CannedValues = {
    "customer.first_name": firstNameOf(conversation.customer.name),
    "customer.name": conversation.customer.name,
    "advisor.name": advisorName,
    "conversation.reference": conversation.reference,
    "brand.name": brand?.name ?? null,
    "promise.due": formatPromise(
      promiseDueOf(conversation),
      language ?? "en",
      customer?.time_zone ?? brand?.time_zone ?? null,
    ),
  };

  const offered = variantsFor(canned.list, [customerLanguage, brand?.language ?? null]);
  const picker = useCannedPicker(offered, values, { body, setBody, field: text });
  const focusText = () => text.current?.focus();

  const idempotencyKey = (message: NewMessage) => keys.keyFor([message, files.map((f) => f.key)]);

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
      keys.done();
      setBody("");
      setCcText("");
      setFiles([]);
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
    if (picker.onKey(event)) return;
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
      if (focused instanceof HTMLElement) focused.blur();
    },
    { inFields: true, enabled: inside && picker.query === null },
  );

  const chat = conversation.channel === "chat";
  const hint =
    kind === "note"
      ? t("composer.noteHint")
      : chat
        ? recipient
          ? t("composer.chatHint", { recipient })
          : t("composer.chatHintNoEmail")
        : recipient
          ? t("composer.replyHint", { recipient })
          : t("composer.replyHintUnknown");
  const listId = `${id}-canned`;
  const listOpen = picker.query !== null;
  const activeOption = picker.matches.length ? cannedOptionId(listId, picker.active) : undefined;

  return (
    <form
      className={`composer composer--${kind}`}
      onSubmit={onSubmit}
      onFocus={() => setInside(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setInside(false);
      }}
    >
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
          aria-expanded={picker.pickerOpen}
          onClick={picker.togglePicker}
        >
          {t("composer.canned")}
        </button>
      </div>
      {picker.pickerOpen ? (
        <input
          type="search"
          className="composer__canned-search"
          aria-label={t("composer.cannedSearch")}
          placeholder={t("composer.cannedSearch")}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={activeOption}
          // biome-ignore lint/a11y/noAutofocus: the advisor opened the picker to type in it
          autoFocus
          value={picker.query ?? ""}
          onChange={(event) => picker.search(event.target.value)}
          onKeyDown={picker.onKey}
        />
      ) : null}
      {kind === "reply" ? (
        <CopiesField value={ccText} invalid={copies.invalid} onChange={setCcText} />
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
        aria-activedescendant={listOpen && !picker.pickerOpen ? activeOption : undefined}
        onChange={(event) => {
          setBody(event.target.value);
          picker.edited();
          onTyping?.();
        }}
        onKeyDown={onTextKeyDown}
      />
      {listOpen ? (
        <CannedAnswerList
          id={listId}
          answers={picker.matches}
          active={picker.active}
          loading={canned.state.status === "loading"}
          onPick={picker.insert}
        />
      ) : null}
      {listOpen ? (
        <CannedPreview
          answer={picker.matches[Math.min(picker.active, picker.matches.length - 1)]}
          values={values}
          customerName={conversation.customer.name}
          customerLanguage={customerLanguage}
        />
      ) : null}
      {kind === "reply" ? <SignaturePreview signature={brand?.signature} /> : null}
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
