// The API's view of the settings (docs/CONTRACT.md §4): brands, teams, users, calendars, SLA policies and
// canned answers — the Zod schemas of what is read and written, and the presenters that fill them.
import { z } from "zod";
import { roles } from "../../domain/access/roles.ts";
import { channels, priorities } from "../../domain/conversation/status.ts";
import { languages } from "../../domain/language.ts";
import { weekdays } from "../../domain/sla/calendar.ts";
import type { Team } from "../../store/queries/settings.ts";
import type {
  brands,
  calendars,
  cannedAnswers,
  slaPolicies,
  users,
} from "../../store/schema/index.ts";
import { problemView } from "./conversation.ts";
import { instant } from "./instant.ts";

const iso = z.string().describe("ISO-8601 UTC");

/** A 400 problem document with every problem found, each at its path in the request. */
export const invalidInputView = problemView;

/** The IANA name as Intl knows it ("europe/paris" is stored as "Europe/Paris"). */
function ianaName(value: string): string | null {
  // Offsets such as "+01:00" are not zones: they know no daylight saving time.
  if (!/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(value)) return null;
  try {
    const known = new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
    return known.toLowerCase() === value.toLowerCase() ? known : value;
  } catch {
    return null;
  }
}

export const timeZoneName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((value, context) => {
    const name = ianaName(value);
    if (name === null) {
      context.addIssue({ code: "custom", message: `unknown time zone "${value}" (IANA names)` });
      return z.NEVER;
    }
    return name;
  })
  .describe("an IANA time zone such as Europe/Paris");

export const language = z.enum(languages);
const name = z.string().trim().min(1).max(200);

// Kept loose here: the domain's calendar rules check times, order and overlaps, and list every problem.
const openingRange = z.strictObject({
  start: z.string().max(10).describe("HH:MM"),
  end: z.string().max(10).describe("HH:MM; 24:00 is the next midnight"),
});
export const weeklyHours = z
  .strictObject(
    Object.fromEntries(
      weekdays.map((day) => [day, z.array(openingRange).max(12).optional()]),
    ) as Record<(typeof weekdays)[number], z.ZodOptional<z.ZodArray<typeof openingRange>>>,
  )
  .describe("opening ranges per day (mon … sun); a day left out is closed");

// ---------------------------------------------------------------- brands

const slug = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens");

const brandInput = {
  name,
  slug,
  addresses: z
    .array(z.email().max(320))
    .min(1)
    .max(20)
    .describe("inbound addresses; the first one is the address mail is sent from"),
  language,
  time_zone: timeZoneName,
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "an ISO 3166 alpha-2 country code such as FR")
    .transform((c) => c.toUpperCase())
    .nullable()
    .describe(
      "ISO 3166 alpha-2 (FR): phone numbers written without their international prefix are " +
        "read as this country's; null: such numbers are kept as written",
    ),
  signature: z.string().max(5000),
  charter_public: z.boolean().describe("publish the commitment charter at /charter/{slug}"),
  calendar_id: z.uuid().nullable(),
  team_id: z.uuid().nullable().describe("the team that answers the brand's new conversations"),
};

export const newBrandBody = z.strictObject({
  name: brandInput.name,
  slug: brandInput.slug,
  addresses: brandInput.addresses,
  language: brandInput.language.optional(),
  time_zone: brandInput.time_zone.optional(),
  country: brandInput.country.optional(),
  signature: brandInput.signature.optional(),
  charter_public: brandInput.charter_public.optional(),
  calendar_id: brandInput.calendar_id.optional(),
  team_id: brandInput.team_id.optional(),
});

export const brandPatchBody = nonEmpty(z.strictObject(optionalAll(brandInput)));

export const brandView = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  addresses: z.array(z.string()),
  language: z.string(),
  time_zone: z.string(),
  country: z.string().nullable(),
  signature: z.string(),
  charter_public: z.boolean(),
  calendar_id: z.string().nullable(),
  team_id: z.string().nullable(),
  created_at: iso,
  updated_at: iso,
});

export function presentBrand(b: typeof brands.$inferSelect): z.infer<typeof brandView> {
  return {
    id: b.id,
    name: b.name,
    slug: b.slug,
    addresses: b.addresses,
    language: b.language,
    time_zone: b.timeZone,
    country: b.country,
    signature: b.signature,
    charter_public: b.charterPublic,
    calendar_id: b.calendarId,
    team_id: b.teamId,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------- teams

const teamInput = {
  name,
  manager_id: z.uuid().describe("an active manager or admin: the team's escalation point"),
  member_ids: z.array(z.uuid()).max(500),
};

export const newTeamBody = z.strictObject({
  name: teamInput.name,
  manager_id: teamInput.manager_id,
  member_ids: teamInput.member_ids.optional(),
});

export const teamPatchBody = nonEmpty(z.strictObject(optionalAll(teamInput)));

export const teamView = z.object({
  id: z.string(),
  name: z.string(),
  manager_id: z.string().nullable(),
  member_ids: z.array(z.string()),
  created_at: iso,
  updated_at: iso,
});

export function presentTeam(t: Team): z.infer<typeof teamView> {
  return {
    id: t.id,
    name: t.name,
    manager_id: t.managerId,
    member_ids: t.memberIds,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------- users

const outOfOffice = z
  .strictObject({ from: instant, until: instant })
  .transform((o) => ({ from: new Date(o.from), until: new Date(o.until) }))
  .refine((o) => o.from < o.until, "out_of_office: until must come after from");

const userInput = {
  email: z.email().max(320),
  name,
  role: z.enum(roles),
  languages: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z]{2,3}$/, "ISO 639 codes such as fr or en"),
    )
    .min(1)
    .max(20)
    .transform((list) => [...new Set(list)]),
  time_zone: timeZoneName.nullable(),
  schedule: weeklyHours.nullable().describe("working hours per day, in the user's time zone"),
  out_of_office: outOfOffice.nullable(),
  capacity: z.number().int().min(0).max(10_000).nullable().describe("open conversations at most"),
  active: z.boolean(),
  password: z.string().min(10).max(1000).describe("write-only; at least 10 characters"),
};

export const newUserBody = z.strictObject({
  ...optionalAll(userInput),
  email: userInput.email,
  name: userInput.name,
  role: userInput.role,
});

export const userPatchBody = nonEmpty(z.strictObject(optionalAll(userInput)));

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  languages: z.array(z.string()),
  time_zone: z.string().nullable(),
  schedule: z
    .record(z.string(), z.array(z.object({ start: z.string(), end: z.string() })))
    .nullable(),
  out_of_office: z.object({ from: iso, until: iso }).nullable(),
  capacity: z.number().nullable(),
  active: z.boolean(),
  created_at: iso,
  updated_at: iso,
});

export function presentUser(u: typeof users.$inferSelect): z.infer<typeof userView> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    languages: u.languages,
    time_zone: u.timeZone,
    schedule: u.schedule ? presentWeek(u.schedule) : null,
    out_of_office:
      u.outOfOfficeFrom && u.outOfOfficeUntil
        ? { from: u.outOfOfficeFrom.toISOString(), until: u.outOfOfficeUntil.toISOString() }
        : null,
    capacity: u.capacity,
    active: u.active,
    created_at: u.createdAt.toISOString(),
    updated_at: u.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------- calendars

const calendarInput = {
  name,
  time_zone: timeZoneName,
  weekly_hours: weeklyHours,
  holidays: z.array(z.string().max(10).describe("YYYY-MM-DD")).max(400),
};

export const newCalendarBody = z.strictObject({
  name: calendarInput.name,
  time_zone: calendarInput.time_zone,
  weekly_hours: calendarInput.weekly_hours
    .optional()
    .describe("Mon–Fri 09:00–18:00 when left out; a day left out is closed"),
  holidays: calendarInput.holidays.optional(),
});

export const calendarPatchBody = nonEmpty(z.strictObject(optionalAll(calendarInput)));

const week = z.object(
  Object.fromEntries(
    weekdays.map((day) => [day, z.array(z.object({ start: z.string(), end: z.string() }))]),
  ) as Record<
    (typeof weekdays)[number],
    z.ZodArray<z.ZodObject<{ start: z.ZodString; end: z.ZodString }>>
  >,
);

export const calendarView = z.object({
  id: z.string(),
  name: z.string(),
  time_zone: z.string(),
  weekly_hours: week,
  holidays: z.array(z.string()),
  created_at: iso,
  updated_at: iso,
});

/** Monday first, as people read a week (jsonb keeps its own key order). */
function presentWeek(
  hours: Partial<Record<string, Array<{ start: string; end: string }>>>,
): z.infer<typeof week> {
  return Object.fromEntries(
    weekdays.map((day) => [day, (hours[day] ?? []).map((r) => ({ start: r.start, end: r.end }))]),
  ) as z.infer<typeof week>;
}

export function presentCalendar(c: typeof calendars.$inferSelect): z.infer<typeof calendarView> {
  return {
    id: c.id,
    name: c.name,
    time_zone: c.timeZone,
    weekly_hours: presentWeek(c.weeklyHours),
    holidays: c.holidays,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------- SLA policies

const minutes = z
  .number()
  .int()
  .positive()
  .max(525_600)
  .describe("business minutes of the brand's calendar");

const slaPolicyInput = {
  name,
  brand_id: z.uuid().nullable().describe("null: every brand"),
  priority: z.enum(priorities).nullable().describe("null: every priority"),
  channel: z.enum(channels).nullable().describe("null: every channel"),
  first_response_minutes: minutes,
  next_response_minutes: minutes,
  resolution_minutes: minutes,
};

export const newSlaPolicyBody = z.strictObject({
  name: slaPolicyInput.name,
  brand_id: slaPolicyInput.brand_id.optional(),
  priority: slaPolicyInput.priority.optional(),
  channel: slaPolicyInput.channel.optional(),
  first_response_minutes: slaPolicyInput.first_response_minutes,
  next_response_minutes: slaPolicyInput.next_response_minutes,
  resolution_minutes: slaPolicyInput.resolution_minutes,
});

export const slaPolicyPatchBody = nonEmpty(z.strictObject(optionalAll(slaPolicyInput)));

export const slaPolicyView = z.object({
  id: z.string(),
  name: z.string(),
  brand_id: z.string().nullable(),
  priority: z.enum(priorities).nullable(),
  channel: z.enum(channels).nullable(),
  first_response_minutes: z.number(),
  next_response_minutes: z.number(),
  resolution_minutes: z.number(),
  created_at: iso,
  updated_at: iso,
});

export function presentSlaPolicy(
  s: typeof slaPolicies.$inferSelect,
): z.infer<typeof slaPolicyView> {
  return {
    id: s.id,
    name: s.name,
    brand_id: s.brandId,
    priority: s.priority,
    channel: s.channel,
    first_response_minutes: s.firstResponseMinutes,
    next_response_minutes: s.nextResponseMinutes,
    resolution_minutes: s.resolutionMinutes,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------- canned answers

const cannedAnswerInput = {
  title: name,
  language,
  brand_id: z.uuid().nullable().describe("null: every brand"),
  body: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .describe("the text, with variables such as {{customer.name}}"),
};

export const newCannedAnswerBody = z.strictObject({
  title: cannedAnswerInput.title,
  language: cannedAnswerInput.language.optional(),
  brand_id: cannedAnswerInput.brand_id.optional(),
  body: cannedAnswerInput.body,
});

export const cannedAnswerPatchBody = nonEmpty(z.strictObject(optionalAll(cannedAnswerInput)));

export const cannedAnswerView = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  brand_id: z.string().nullable(),
  body: z.string(),
  created_at: iso,
  updated_at: iso,
});

export function presentCannedAnswer(
  a: typeof cannedAnswers.$inferSelect,
): z.infer<typeof cannedAnswerView> {
  return {
    id: a.id,
    title: a.title,
    language: a.language,
    brand_id: a.brandId,
    body: a.body,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------- shapes

function optionalAll<T extends Record<string, z.ZodType>>(shape: T) {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

/** A PATCH must change something: an empty body is a 400, not a silent 200. */
function nonEmpty<T extends z.ZodObject>(schema: T) {
  return schema.refine((body) => Object.keys(body).length > 0, "nothing to change");
}
