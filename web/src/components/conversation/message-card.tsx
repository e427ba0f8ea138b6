// One message of the thread, styled by what it is: from the customer, a reply, an internal note,
// or something Rapport sent by itself; replies show whether they were delivered.
import { useTranslation } from "react-i18next";
import type { Message } from "../../api/types.ts";
import { formatDateTime, formatRelative } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { MessageAttachments } from "../attachments/message-attachments.tsx";
import { channelLabel } from "../common/channel-label.ts";
import { MessageBody } from "./message-body.tsx";
import { MoodNote } from "./mood-note.tsx";

type Props = { message: Message; customerName: string; meId: string; now: Date };

export function MessageCard({ message, customerName, meId, now }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const author =
    message.author.kind === "customer"
      ? message.author.name || customerName
      : message.author.kind === "system"
        ? message.author.name || t("conversation.author.system")
        : message.author.id === meId
          ? t("conversation.author.you")
          : message.author.name || t("conversation.author.system");
  const tone = message.automated ? "automated" : message.direction;

  return (
    <article
      className={`message message--${tone}`}
      aria-label={`${t(`conversation.kind.${message.direction}`)}, ${author}`}
    >
      <header className="message__header">
        <span className="message__author">{author}</span>
        {message.automated ? (
          <span className="tag tag--automated" title={t("conversation.automatedHint")}>
            {t("conversation.automated")}
          </span>
        ) : (
          <span className="message__kind">{t(`conversation.kind.${message.direction}`)}</span>
        )}
        {message.direction !== "note" ? (
          <span className="message__channel">{channelLabel(t, message.channel)}</span>
        ) : null}
        {message.delivery ? (
          <span className={`delivery delivery--${message.delivery}`}>
            <span className="visually-hidden">{t("conversation.delivery.label")}: </span>
            {message.channel === "chat" && message.delivery === "queued"
              ? t("conversation.delivery.waiting_visitor")
              : t(`conversation.delivery.${message.delivery}`)}
          </span>
        ) : null}
        <time
          className="message__time"
          dateTime={message.created_at}
          title={formatDateTime(message.created_at, locale)}
        >
          {formatRelative(message.created_at, now, locale)}
        </time>
      </header>
      {message.delivery_error &&
      (message.delivery === "failed" || message.delivery === "bounced") ? (
        <p className="message__delivery-error">{message.delivery_error}</p>
      ) : null}
      {message.cc.length > 0 ? (
        <p className="message__cc">{t("conversation.cc", { addresses: message.cc.join(", ") })}</p>
      ) : null}
      <MessageBody message={message} authorName={author} />
      {message.truncated ? (
        <p className="message__truncated">
          {t("conversation.truncated")}{" "}
          {message.raw_url ? (
            <a href={message.raw_url} download>
              {t("conversation.downloadRaw")}
            </a>
          ) : null}
        </p>
      ) : null}
      <MessageAttachments attachments={message.attachments} />
      {message.mood && message.direction === "inbound" ? <MoodNote mood={message.mood} /> : null}
    </article>
  );
}
