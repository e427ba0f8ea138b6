// A message's words. A customer's HTML mail is shown, already sanitised, in a frame sandboxed with
// no permission at all (no scripts, no forms, no navigation of the console), never in the page.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Message } from "../../api/types.ts";
import { estimateFrameHeight } from "../../display/frame-height.ts";
import { mailFrameDocument } from "../../display/mail-frame.ts";

type Props = { message: Message; authorName: string };

export function MessageBody({ message, authorName }: Props) {
  const { t } = useTranslation();
  const text = message.body_text?.trim() ? message.body_text : null;
  const html = message.body_html?.trim() ? message.body_html : null;
  // What advisors write is plain text: show it as written. Customers' mails keep their layout.
  const prefersHtml = html !== null && (message.direction === "inbound" || text === null);
  const [asText, setAsText] = useState(false);

  if (html !== null && prefersHtml && !(asText && text !== null)) {
    return (
      <div className="message__body">
        <iframe
          className="mail-frame"
          sandbox=""
          srcDoc={mailFrameDocument(html)}
          title={t("conversation.frameTitle", { name: authorName })}
          style={{ height: `${estimateFrameHeight(html)}px` }}
        />
        {text !== null ? (
          <button type="button" className="link-button" onClick={() => setAsText(true)}>
            {t("conversation.showText")}
          </button>
        ) : null}
      </div>
    );
  }

  return (
    <div className="message__body">
      <div className="message__text">{text ?? ""}</div>
      {html !== null && prefersHtml ? (
        <button type="button" className="link-button" onClick={() => setAsText(false)}>
          {t("conversation.showFormatted")}
        </button>
      ) : null}
    </div>
  );
}
