// Any console address that leads nowhere.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeading } from "./common/page-heading.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t("notFound.title")} />
      <p>{t("errors.notFound")}</p>
      <Link to="/">{t("notFound.back")}</Link>
    </div>
  );
}
