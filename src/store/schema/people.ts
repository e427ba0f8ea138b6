// The people who use the desk: users (advisors, managers, admins), teams, sessions and API tokens.
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
import { roles } from "../../domain/access/roles.ts";
import { at, createdAt, tenant, updatedAt } from "./columns.ts";
import { workspaces } from "./workspace.ts";

export type WeeklySchedule = Record<string, Array<{ start: string; end: string }>>;

export const users = pgTable(
  "users",
  {
    ...tenant,
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    languages: jsonb("languages").$type<string[]>().notNull().default(sql`'["en"]'::jsonb`),
    passwordHash: text("password_hash"),
    schedule: jsonb("schedule").$type<WeeklySchedule | null>(),
    timeZone: text("time_zone"),
    outOfOfficeFrom: at("out_of_office_from"),
    outOfOfficeUntil: at("out_of_office_until"),
    capacity: integer("capacity"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    uniqueIndex("users_email").on(t.workspaceId, t.email),
  ],
);

export const teams = pgTable(
  "teams",
  {
    ...tenant,
    name: text("name").notNull(),
    managerId: uuid("manager_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.managerId],
      foreignColumns: [users.workspaceId, users.id],
    }),
  ],
);

export const teamMembers = pgTable(
  "team_members",
  {
    workspaceId: uuid("workspace_id").notNull(),
    teamId: uuid("team_id").notNull(),
    userId: uuid("user_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.teamId, t.userId] }),
    foreignKey({
      columns: [t.workspaceId, t.teamId],
      foreignColumns: [teams.workspaceId, teams.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.userId],
      foreignColumns: [users.workspaceId, users.id],
    }),
  ],
);

/** A signed-in browser: the cookie holds the token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    ...tenant,
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("sessions_token").on(t.tokenHash),
    foreignKey({
      columns: [t.workspaceId, t.userId],
      foreignColumns: [users.workspaceId, users.id],
    }),
  ],
);

/**
 * An API token: shown once, stored as its SHA-256; acts as `userId` when bound to a user (never
 * above their role). `last_used_at` is written at most once a minute; revoked tokens are kept.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    ...tenant,
    name: text("name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    userId: uuid("user_id"),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    lastUsedAt: at("last_used_at"),
    expiresAt: at("expires_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("api_tokens_hash").on(t.tokenHash),
    index("api_tokens_list").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    foreignKey({
      columns: [t.workspaceId, t.userId],
      foreignColumns: [users.workspaceId, users.id],
    }),
  ],
);
