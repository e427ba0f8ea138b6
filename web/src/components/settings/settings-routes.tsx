// The screens under /settings; a section the role may not change is not found, as in the API.
import { Route, Routes } from "react-router";
import { useMe } from "../../hooks/use-session.tsx";
import { NotFoundPage } from "../not-found-page.tsx";
import { BrandsPage } from "./brands-page.tsx";
import { CalendarsPage } from "./calendars-page.tsx";
import { CannedAnswersPage } from "./canned-answers-page.tsx";
import { MailboxesPage } from "./mailboxes-page.tsx";
import { OrganisationsPage } from "./organisations-page.tsx";
import { SettingsIndex } from "./settings-index.tsx";
import { type SettingsSectionName, sectionsFor } from "./settings-sections.ts";
import { SlaPoliciesPage } from "./sla-policies-page.tsx";
import { TeamsPage } from "./teams-page.tsx";
import { UsersPage } from "./users-page.tsx";
import { WebhooksPage } from "./webhooks-page.tsx";
import { WorkspacePage } from "./workspace-page.tsx";

const SCREENS: Record<SettingsSectionName, () => React.JSX.Element> = {
  brands: BrandsPage,
  users: UsersPage,
  teams: TeamsPage,
  calendars: CalendarsPage,
  "sla-policies": SlaPoliciesPage,
  "canned-answers": CannedAnswersPage,
  mailboxes: MailboxesPage,
  workspace: WorkspacePage,
  organisations: OrganisationsPage,
  webhooks: WebhooksPage,
};

export function SettingsRoutes() {
  const { role } = useMe();
  const allowed = new Set<SettingsSectionName>(sectionsFor(role));
  // Everyone may still read the workspace page, as before the index existed, and the organisations
  // (a customer's page links to theirs).
  allowed.add("workspace");
  allowed.add("organisations");
  return (
    <Routes>
      <Route index element={<SettingsIndex />} />
      {[...allowed].map((section) => {
        const Screen = SCREENS[section];
        return <Route key={section} path={section} element={<Screen />} />;
      })}
      <Route path="organisations/:id" element={<OrganisationsPage />} />
      {allowed.has("webhooks") ? <Route path="webhooks/:id" element={<WebhooksPage />} /> : null}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
