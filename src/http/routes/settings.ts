// Settings resources: brands, teams, users, calendars, SLA policies, canned answers, IMAP mailboxes
// (one file each).
import type { Runtime } from "../../runtime.ts";
import type { App } from "../app-type.ts";
import { registerBrandRoutes } from "./settings/brands.ts";
import { registerCalendarRoutes } from "./settings/calendars.ts";
import { registerCannedAnswerRoutes } from "./settings/canned-answers.ts";
import { registerMailboxRoutes } from "./settings/mailboxes.ts";
import { registerSlaPolicyRoutes } from "./settings/sla-policies.ts";
import { registerTeamRoutes } from "./settings/teams.ts";
import { registerUserRoutes } from "./settings/users.ts";

export function registerSettingsRoutes(app: App, rt: Runtime): void {
  registerBrandRoutes(app, rt);
  registerTeamRoutes(app, rt);
  registerUserRoutes(app, rt);
  registerCalendarRoutes(app, rt);
  registerSlaPolicyRoutes(app, rt);
  registerCannedAnswerRoutes(app, rt);
  registerMailboxRoutes(app, rt);
}
