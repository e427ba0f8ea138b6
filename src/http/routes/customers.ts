// Customers: search, profile with identities, timeline (filled in by the customer routes work).
import type { Runtime } from "../../runtime.ts";
import type { App } from "../app-type.ts";

export function registerCustomerRoutes(_app: App, _rt: Runtime): void {}
