// A webhook's signing secret, shown once (after its creation or a new one was made): selectable,
// with a button that copies it, and the focus on it so that it is read out at once.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type Props = { url: string; secret: string; onDone: () => void };

export function WebhookSecret({ url, secret, onDone }: Props) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => field.current?.focus(), []);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <div className="token-secret" role="status">
      <p>{t("settings.webhooks.secretOnce", { url })}</p>
      <label className="visually-hidden" htmlFor="webhook-secret">
        {t("settings.webhooks.secret")}
      </label>
      <input
        ref={field}
        id="webhook-secret"
        className="token-secret__value"
        readOnly
        value={secret}
        onFocus={(event) => event.target.select()}
      />
      <p className="settings-editor__actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {copied ? t("settings.webhooks.copied") : t("settings.webhooks.copy")}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t("settings.webhooks.secretDone")}
        </button>
      </p>
    </div>
  );
}
