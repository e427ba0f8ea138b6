// Which settings a role may change, and so sees in the index (an advisor sees none): admins change
// everything, a manager the teams they manage and the organisations; both read the reports.
import type { Role } from "../../api/types.ts";

export const SETTINGS_SECTIONS = [
  "brands",
  "users",
  "teams",
  "calendars",
  "sla-policies",
  "canned-answers",
  "mailboxes",
  "workspace",
  "organisations",
  "webhooks",
] as const;
export type SettingsSectionName = (typeof SETTINGS_SECTIONS)[number];

const MANAGERS_CHANGE: readonly SettingsSectionName[] = ["teams", "organisations"];

export function sectionsFor(role: Role): SettingsSectionName[] {
  if (role === "admin") return [...SETTINGS_SECTIONS];
  if (role === "manager") return [...MANAGERS_CHANGE];
  return [];
}

/** The reports need the manager role (the workload report); the charter alone is in the API. */
export function readsReports(role: Role): boolean {
  return role === "manager" || role === "admin";
}
