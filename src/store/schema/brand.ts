// Brands (each with addresses, language, signature, time zone), their business calendars and SLA policies.
import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { channels, priorities } from "../../domain/conversation/status.ts";
import { createdAt, tenant, updatedAt } from "./columns.ts";
import { workspaces } from "./workspace.ts";

export type WeeklyHours = Record<
  "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun",
  Array<{ start: string; end: string }>
>;

export const calendars = pgTable(
  "calendars",
  {
    ...tenant,
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull(),
    weeklyHours: jsonb("weekly_hours").$type<WeeklyHours>().notNull(),
    holidays: jsonb("holidays").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  ],
);

export const brands = pgTable(
  "brands",
  {
    ...tenant,
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** Inbound addresses, lower-case; the first one is the address mail is sent from. */
    addresses: jsonb("addresses").$type<string[]>().notNull(),
    language: text("language").notNull().default("en"),
    timeZone: text("time_zone").notNull().default("Europe/Paris"),
    signature: text("signature").notNull().default(""),
    charterPublic: boolean("charter_public").notNull().default(false),
    calendarId: uuid("calendar_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    uniqueIndex("brands_slug").on(t.workspaceId, t.slug),
    foreignKey({
      columns: [t.workspaceId, t.calendarId],
      foreignColumns: [calendars.workspaceId, calendars.id],
    }),
  ],
);

/** An SLA policy in business minutes; the most specific match (brand, priority, channel) wins. */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    ...tenant,
    name: text("name").notNull(),
    brandId: uuid("brand_id"),
    priority: text("priority", { enum: priorities }),
    channel: text("channel", { enum: channels }),
    firstResponseMinutes: integer("first_response_minutes").notNull(),
    nextResponseMinutes: integer("next_response_minutes").notNull(),
    resolutionMinutes: integer("resolution_minutes").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    index("sla_policies_brand").on(t.workspaceId, t.brandId),
    foreignKey({
      columns: [t.workspaceId, t.brandId],
      foreignColumns: [brands.workspaceId, brands.id],
    }),
  ],
);
