// The bar above every signed-in screen: where you are, search everywhere, notifications, the
// language, who you are, signing out.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { countLabel } from "../../display/inbox-views.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { useMe, useSession } from "../../hooks/use-session.tsx";
import { useTransfersPending } from "../../hooks/use-transfers-pending.ts";
import { chooseLanguage, currentLanguage, LANGUAGES, supportedLanguage } from "../../i18n/i18n.ts";
import { problemText } from "../common/problem-message.tsx";
import { SearchBox } from "../search/search-box.tsx";
import { readsReports } from "../settings/settings-sections.ts";
import { NotificationBell } from "./notification-bell.tsx";

export function AppHeader() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const locale = useLocale();
  const pending = useTransfersPending();
  const pendingText =
    pending && pending.count > 0 ? countLabel(pending.count, pending.more, locale) : null;
  // Transfers to accept take room in the bar only while some wait (or their list is open).
  const onTransfers = useLocation().pathname.startsWith("/transfers");

  const onSignOut = () => {
    setSigningOut(true);
    setSignOutError(null);
    signOut().catch((error: unknown) => {
      setSigningOut(false);
      setSignOutError(error);
    });
  };

  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__name">{t("app.name")}</span>
        <span className="app-header__workspace">{me.workspace.name}</span>
      </div>
      <nav aria-label={t("header.navigation")} className="app-header__nav">
        <NavLink to="/" end className="app-header__link">
          {t("header.inbox")}
        </NavLink>
        <NavLink to="/customers" end className="app-header__link">
          {t("header.customers")}
        </NavLink>
        <NavLink to="/my-customers" end className="app-header__link">
          {t("header.myCustomers")}
        </NavLink>
        {pendingText || onTransfers ? (
          <NavLink to="/transfers" end className="app-header__link">
            {/* Short on screen, whole when read out: "Transfers to accept, 2 pending". */}
            {t("header.transfersShort")}
            <span className="visually-hidden">
              {` ${t("header.transfersRest")}${pendingText ? "," : ""}`}
            </span>
            {pendingText ? (
              <>
                {" "}
                <span className="app-header__count">{pendingText}</span>
                <span className="visually-hidden"> {t("header.pending")}</span>
              </>
            ) : null}
          </NavLink>
        ) : null}
        {/*
          Only for roles that change a setting or read the reports: an advisor has neither, and
          finds the API tokens in the bar instead (for the others they are among the settings).
        */}
        {readsReports(me.role) ? (
          <>
            <NavLink to="/settings" className="app-header__link">
              {t("settings.nav")}
            </NavLink>
            <NavLink to="/reports" className="app-header__link">
              {t("reports.nav")}
            </NavLink>
          </>
        ) : (
          <NavLink to="/tokens" className="app-header__link">
            {t("header.tokens")}
          </NavLink>
        )}
      </nav>
      <SearchBox />
      <div className="app-header__tools">
        <NotificationBell />
        <label className="language-select">
          <span className="visually-hidden">{t("header.language")}</span>
          <select
            value={currentLanguage()}
            onChange={(event) => {
              const language = supportedLanguage(event.target.value);
              if (language) chooseLanguage(language);
            }}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="app-header__user" title={t("header.signedInAs", { name: me.user.email })}>
          {me.user.name}
          <span className="app-header__role">{t(`header.role.${me.user.role}`)}</span>
        </span>
        <button
          type="button"
          className="button button--quiet"
          onClick={onSignOut}
          disabled={signingOut}
        >
          {t("header.signOut")}
        </button>
      </div>
      {signOutError ? (
        <p className="app-header__error" role="alert">
          {problemText(t, signOutError)}
        </p>
      ) : null}
    </header>
  );
}
