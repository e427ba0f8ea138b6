// A message's files: a thumbnail of each image (opening the full picture), a link to open a PDF,
// and a download for every file, with its size in the console's language.
import { useTranslation } from "react-i18next";
import type { Attachment } from "../../api/types.ts";
import { formatFileSize } from "../../display/file-size.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { downloadUrl, isImage, isPreviewable, previewUrl } from "./attachment-links.ts";

export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (attachments.length === 0) return null;
  return (
    <ul className="message__attachments" aria-label={t("conversation.attachments")}>
      {attachments.map((attachment) => (
        <li key={attachment.id} className="attachment">
          {isImage(attachment) ? (
            <a
              className="attachment__thumbnail"
              href={previewUrl(attachment)}
              target="_blank"
              rel="noopener noreferrer"
            >
              <img
                src={previewUrl(attachment)}
                alt={t("conversation.previewOf", { filename: attachment.filename })}
                loading="lazy"
              />
            </a>
          ) : null}
          <span className="attachment__name">{attachment.filename}</span>{" "}
          <span className="attachment__size">({formatFileSize(attachment.size, locale)})</span>{" "}
          {isPreviewable(attachment) ? (
            <a
              className="attachment__open"
              href={previewUrl(attachment)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t("conversation.preview")}
            </a>
          ) : null}{" "}
          <a
            className="attachment__download"
            href={downloadUrl(attachment)}
            download={attachment.filename}
            aria-label={t("conversation.downloadFile", { filename: attachment.filename })}
          >
            {t("conversation.download")}
          </a>
        </li>
      ))}
    </ul>
  );
}
