// The files to send with a message: a button to pick some, each listed with its size and a way to
// take it off; past the server's limits the composer says so before anything is sent.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatFileSize } from "../../display/file-size.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { ATTACHMENT_LIMITS, type PickedFile, totalBytes } from "./read-files.ts";

type Props = { files: PickedFile[]; onChange: (files: PickedFile[]) => void };

let picks = 0;

export function AttachmentPicker({ files, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const total = totalBytes(files);
  const problem =
    files.length > ATTACHMENT_LIMITS.count
      ? t("composer.attachmentsTooMany", { count: ATTACHMENT_LIMITS.count })
      : total > ATTACHMENT_LIMITS.bytes
        ? t("composer.attachmentsTooLarge", {
            size: formatFileSize(total, locale),
            limit: formatFileSize(ATTACHMENT_LIMITS.bytes, locale),
          })
        : null;

  return (
    <div className="composer__attachments">
      <label htmlFor={`${id}-files`} className="button button--secondary">
        {t("composer.attach")}
      </label>
      <input
        id={`${id}-files`}
        type="file"
        multiple
        className="visually-hidden"
        onChange={(event) => {
          const added = [...(event.target.files ?? [])].map((file) => {
            picks += 1;
            return { key: `${picks}`, file };
          });
          onChange([...files, ...added]);
          // The same file may be picked again after it was taken off.
          event.target.value = "";
        }}
      />
      {files.length > 0 ? (
        <ul className="composer__files" aria-label={t("composer.attachments")}>
          {files.map((picked) => (
            <li key={picked.key}>
              {picked.file.name}{" "}
              <span className="attachment__size">({formatFileSize(picked.file.size, locale)})</span>{" "}
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(files.filter((f) => f.key !== picked.key))}
              >
                {t("composer.removeAttachment", { filename: picked.file.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <p className="composer__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export function attachmentsFit(files: readonly PickedFile[]): boolean {
  return files.length <= ATTACHMENT_LIMITS.count && totalBytes(files) <= ATTACHMENT_LIMITS.bytes;
}
