// Settings resources: brands, teams, users, calendars, SLA policies, canned answers.
import type { Runtime } from "../../runtime.ts";
import type { App } from "../app-type.ts";

export function registerSettingsRoutes(_app: App, _rt: Runtime): void {}
