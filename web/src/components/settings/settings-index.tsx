// /settings: the sections the signed-in role may change, each with a line saying what it holds.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../../hooks/use-session.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { readsReports, sectionsFor } from "./settings-sections.ts";
import "./settings.css";

export function SettingsIndex() {
  const { t } = useTranslation();
  const { role } = useMe();
  const sections = sectionsFor(role);
  return (
    <div className="page page--settings">
      <section className="settings-page">
        <PageHeading title={t("settings.title")} />
        {sections.length === 0 ? (
          <p className="empty-state">{t("settings.nothingToChange")}</p>
        ) : (
          <ul className="settings-index">
            {sections.map((section) => (
              <li key={section}>
                <Link to={`/settings/${section}`}>
                  <strong>{t(`settings.index.${section}.title`)}</strong>
                  <span className="field__hint">{t(`settings.index.${section}.hint`)}</span>
                </Link>
              </li>
            ))}
            {readsReports(role) ? (
              <>
                <li>
                  <Link to="/reports">
                    <strong>{t("reports.title")}</strong>
                    <span className="field__hint">{t("reports.hint")}</span>
                  </Link>
                </li>
                <li>
                  <Link to="/tokens">
                    <strong>{t("header.tokens")}</strong>
                    <span className="field__hint">{t("settings.tokensHint")}</span>
                  </Link>
                </li>
              </>
            ) : null}
          </ul>
        )}
      </section>
    </div>
  );
}
