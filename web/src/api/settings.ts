// The settings resources an admin or manager changes (docs/CONTRACT.md §4): brands, users, teams,
// calendars, SLA policies and canned answers, all read and written the same way.
import { api } from "./client.ts";
import type { Channel, Page, Priority, Role } from "./types.ts";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type OpeningRange = { start: string; end: string };
export type Week = Record<Weekday, OpeningRange[]>;

type Stamped = { id: string; created_at: string; updated_at: string };

export type BrandSetting = Stamped & {
  name: string;
  slug: string;
  addresses: string[];
  language: string;
  time_zone: string;
  /** ISO 3166 alpha-2: where phone numbers without their international prefix are read. */
  country: string | null;
  signature: string;
  charter_public: boolean;
  calendar_id: string | null;
  team_id: string | null;
};

export type UserSetting = Stamped & {
  email: string;
  name: string;
  role: Role;
  languages: string[];
  time_zone: string | null;
  schedule: Partial<Week> | null;
  out_of_office: { from: string; until: string } | null;
  capacity: number | null;
  active: boolean;
};

export type TeamSetting = Stamped & {
  name: string;
  manager_id: string | null;
  member_ids: string[];
};

export type CalendarSetting = Stamped & {
  name: string;
  time_zone: string;
  weekly_hours: Week;
  holidays: string[];
};

export type SlaPolicySetting = Stamped & {
  name: string;
  brand_id: string | null;
  priority: Priority | null;
  channel: Channel | null;
  first_response_minutes: number;
  next_response_minutes: number;
  resolution_minutes: number;
};

export type CannedAnswerSetting = Stamped & {
  title: string;
  language: string;
  brand_id: string | null;
  body: string;
};

/** An organisation its customers belong to: its domains, and who its new conversations go to. */
export type OrganisationSetting = Stamped & {
  name: string;
  domains: string[];
  is_partner: boolean;
  partner_manager_id: string | null;
  advisor_id: string | null;
  backup_id: string | null;
  notes: string;
};

/** An IMAP mailbox that feeds a brand; its password is written, never read back. */
export type MailboxSetting = Stamped & {
  brand_id: string;
  host: string;
  port: number;
  tls: boolean;
  user: string;
  folder: string;
  after_taking: "flag" | "move";
  keyword: string;
  move_to: string | null;
  enabled: boolean;
  state: "connecting" | "idle" | "polling" | "error" | "disabled";
  last_error: string | null;
  last_error_at: string | null;
  last_success_at: string | null;
};

/** The events a webhook may receive (CONTRACT §8). */
export const WEBHOOK_EVENTS = [
  "conversation.created",
  "conversation.updated",
  "conversation.resolved",
  "message.created",
  "customer.updated",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A URL told of the desk's events; its secret comes once, in the answer that creates it. */
export type WebhookSetting = Stamped & {
  url: string;
  events: WebhookEvent[];
  description: string;
  brand_id: string | null;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: string | null;
  failing_since: string | null;
  last_attempt: { at: string; status_code: number | null; succeeded: boolean } | null;
  secret?: string;
};

/** Each resource's path under /api/v1 and what it holds. */
export type SettingsResources = {
  brands: BrandSetting;
  users: UserSetting & { password?: string };
  teams: TeamSetting;
  calendars: CalendarSetting;
  "sla-policies": SlaPolicySetting;
  "canned-answers": CannedAnswerSetting;
  organisations: OrganisationSetting;
  mailboxes: MailboxSetting & { password?: string };
  webhooks: WebhookSetting;
};
export type SettingsResource = keyof SettingsResources;

/** What a form sends: the resource's fields, none of what the server stamps. */
export type SettingInput<R extends SettingsResource> = Partial<
  Omit<SettingsResources[R], keyof Stamped>
>;

/** The first hundred, newest first: settings lists are short. */
export async function listSettings<R extends SettingsResource>(
  resource: R,
  signal?: AbortSignal,
): Promise<Array<SettingsResources[R]>> {
  const page = await api<Page<SettingsResources[R]>>("GET", `/api/v1/${resource}?limit=100`, {
    signal,
  });
  return page.items;
}

/** `idempotencyKey`: one per attempt (idempotency-key.ts `attemptKeys`), so a retry never makes two. */
export function createSetting<R extends SettingsResource>(
  resource: R,
  input: SettingInput<R>,
  idempotencyKey: string,
): Promise<SettingsResources[R]> {
  return api("POST", `/api/v1/${resource}`, {
    body: input,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function updateSetting<R extends SettingsResource>(
  resource: R,
  id: string,
  patch: SettingInput<R>,
): Promise<SettingsResources[R]> {
  return api("PATCH", `/api/v1/${resource}/${encodeURIComponent(id)}`, { body: patch });
}

/** A mailbox may be deleted: the mail it brought stays. */
export function deleteMailbox(id: string): Promise<void> {
  return api("DELETE", `/api/v1/mailboxes/${encodeURIComponent(id)}`);
}

/** Canned answers may be deleted too: nothing refers to a template. */
export function deleteCannedAnswer(id: string): Promise<void> {
  return api("DELETE", `/api/v1/canned-answers/${encodeURIComponent(id)}`);
}
