// API tokens: what programs use to act on the desk. Admins see and revoke every token; anyone else
// their own. A new token's secret is shown once, here, and never again.
import { useTranslation } from "react-i18next";
import { useTokens } from "../../hooks/use-tokens.ts";
import { LoadMore } from "../common/load-more.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { NewTokenForm } from "./new-token-form.tsx";
import { TokenRow } from "./token-row.tsx";

export function TokensPage() {
  const { t } = useTranslation();
  const { list, created, create, revoke } = useTokens();

  return (
    <div className="page page--tokens">
      <PageHeading title={t("tokens.title")} />
      <p className="page__intro">{t("tokens.intro")}</p>
      <NewTokenForm onCreate={create} />
      {created?.token ? (
        <div className="token-secret" role="status">
          <p>{t("tokens.created", { name: created.name })}</p>
          <label className="visually-hidden" htmlFor="token-secret">
            {t("tokens.secret")}
          </label>
          <input
            id="token-secret"
            className="token-secret__value"
            readOnly
            value={created.token}
            onFocus={(event) => event.target.select()}
          />
        </div>
      ) : null}
      <section aria-labelledby="tokens-list-title">
        <h2 id="tokens-list-title" className="section-title">
          {t("tokens.listTitle")}
        </h2>
        {list.status === "loading" ? <LoadingState /> : null}
        {list.status === "error" ? (
          <ProblemMessage error={list.error} onRetry={list.reload} />
        ) : null}
        {list.status === "ready" && list.items.length === 0 ? (
          <p className="empty-state">{t("tokens.empty")}</p>
        ) : null}
        {list.status === "ready" && list.items.length > 0 ? (
          <table className="token-table">
            <thead>
              <tr>
                <th scope="col">{t("tokens.name")}</th>
                <th scope="col">{t("tokens.actsAs")}</th>
                <th scope="col">{t("tokens.role")}</th>
                <th scope="col">{t("tokens.status")}</th>
                <th scope="col">{t("tokens.lastUsed")}</th>
                <th scope="col">{t("tokens.expires")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("tokens.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((token) => (
                <TokenRow key={token.id} token={token} onRevoke={revoke} />
              ))}
            </tbody>
          </table>
        ) : null}
        <LoadMore list={list} label={t("tokens.more")} />
      </section>
    </div>
  );
}
