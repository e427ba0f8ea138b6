// Under a reply, the brand's signature as the mail will end with it.
import { useTranslation } from "react-i18next";

/** The brand's signature as the mail will end with it (jobs/send-mail.ts adds it). */
export function SignaturePreview({ signature }: { signature: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="composer__signature">
      <span className="composer__hint">{t("composer.signature")}</span>
      {signature ? (
        <pre className="composer__signature-text">{`--\n${signature}`}</pre>
      ) : (
        <span className="composer__hint">{t("composer.noSignature")}</span>
      )}
    </div>
  );
}
