// The person's data rights on their profile: download everything held about them (managers and
// admins), and erase it (admins only, behind a confirmation that says what goes and what stays).
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { customerExportUrl, eraseCustomer } from "../../api/customers.ts";
import type { Customer } from "../../api/types.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { useMe } from "../../hooks/use-session.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";

type Props = { customer: Customer; onErased: () => void };

export function CustomerDataRights({ customer, onErased }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { role } = useMe();
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (role === "advisor") return null;

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await eraseCustomer(customer.id);
      setConfirming(false);
      onErased();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="data-rights" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t("dataRights.title")}
      </h3>
      {customer.erased_at ? (
        <p className="notice" role="status">
          {t("dataRights.erasedOn", { when: formatDateTime(customer.erased_at, locale) })}
        </p>
      ) : null}
      <div className="data-rights__actions">
        <a className="button button--secondary" href={customerExportUrl(customer.id)} download>
          {t("dataRights.export")}
        </a>
        {role === "admin" && !customer.erased_at && !confirming ? (
          <button
            type="button"
            className="button button--quiet data-rights__erase"
            onClick={() => setConfirming(true)}
          >
            {t("dataRights.erase")}
          </button>
        ) : null}
      </div>
      <p className="data-rights__hint">{t("dataRights.exportHint")}</p>
      {confirming ? (
        <div className="data-rights__confirm" role="alertdialog" aria-labelledby={`${titleId}-c`}>
          <p id={`${titleId}-c`}>
            <strong>{t("dataRights.confirmTitle", { name: customer.name || customer.id })}</strong>
          </p>
          <p>{t("dataRights.confirmExplain")}</p>
          {error ? <ProblemMessage error={error} /> : null}
          <div className="data-rights__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void erase()}
            >
              {t("dataRights.confirm")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              {t("dataRights.cancel")}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
