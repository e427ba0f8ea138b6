// One API token in the list, and revoking it: a second click confirms, since it cannot be undone.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../api/types.ts";
import { formatDate, formatDateTime } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { problemText } from "../common/problem-message.tsx";

type Props = { token: ApiToken; onRevoke: (id: string) => Promise<void> };

export function TokenRow({ token, onRevoke }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const revoke = () => {
    setRevoking(true);
    setError(null);
    onRevoke(token.id).catch((reason: unknown) => {
      setRevoking(false);
      setError(reason);
    });
  };

  return (
    <tr className={`token-row token-row--${token.status}`}>
      <th scope="row">{token.name}</th>
      <td>{token.user ? token.user.name : t("tokens.nobody")}</td>
      <td>{t(`header.role.${token.role}`)}</td>
      <td>
        <span className={`token-status token-status--${token.status}`}>
          {t(`tokens.statuses.${token.status}`)}
        </span>
      </td>
      <td>{token.last_used_at ? formatDateTime(token.last_used_at, locale) : t("tokens.never")}</td>
      <td>{token.expires_at ? formatDate(token.expires_at, locale) : t("tokens.noExpiry")}</td>
      <td className="token-row__actions">
        {token.status === "active" && !confirming ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming(true)}
            aria-label={t("tokens.revokeNamed", { name: token.name })}
          >
            {t("tokens.revoke")}
          </button>
        ) : null}
        {token.status === "active" && confirming ? (
          <span className="token-row__confirm">
            <button
              type="button"
              className="button button--danger"
              onClick={revoke}
              disabled={revoking}
              aria-label={t("tokens.confirmRevokeNamed", { name: token.name })}
            >
              {t("tokens.confirmRevoke")}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setConfirming(false)}
              disabled={revoking}
            >
              {t("tokens.cancel")}
            </button>
          </span>
        ) : null}
        {error ? (
          <span className="form__error" role="alert">
            {problemText(t, error)}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
