// The frame of every signed-in screen: a skip link, the header, the page, and the list of
// keyboard shortcuts that "?" opens; the focus follows navigation.
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { RouteFocus } from "../keyboard/route-focus.tsx";
import { ShortcutHelp } from "../keyboard/shortcut-help.tsx";
import { AppHeader } from "./app-header.tsx";

export function AppLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <ShortcutHelp />
      <RouteFocus />
    </>
  );
}
