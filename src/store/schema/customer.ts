// Customers, the identities that resolve to them (email, phone, chat, social), and organisations.
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { channels } from "../../domain/conversation/status.ts";
import type { Preference } from "../../domain/profile/preferences.ts";
import { at, createdAt, tenant, updatedAt } from "./columns.ts";
import { users } from "./people.ts";
import { workspaces } from "./workspace.ts";

export const identityKinds = ["email", "phone", "chat", "social", "external"] as const;
export type IdentityKind = (typeof identityKinds)[number];

/** A date that matters to the customer: `kind` says which ("birthday", "Contract renewal"…). */
export type ImportantDate = { kind: string; date: string };

export const organisations = pgTable(
  "organisations",
  {
    ...tenant,
    name: text("name").notNull(),
    /** Mail domains that belong to this organisation (never a shared provider such as gmail.com). */
    domains: jsonb("domains").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    isPartner: boolean("is_partner").notNull().default(false),
    partnerManagerId: uuid("partner_manager_id"),
    /** The organisation's advisor and backup: its customers' own, unless a customer has theirs. */
    advisorId: uuid("advisor_id"),
    backupId: uuid("backup_id"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      name: "organisations_partner_manager_fk",
      columns: [t.workspaceId, t.partnerManagerId],
      foreignColumns: [users.workspaceId, users.id],
    }),
    foreignKey({
      name: "organisations_advisor_fk",
      columns: [t.workspaceId, t.advisorId],
      foreignColumns: [users.workspaceId, users.id],
    }),
    foreignKey({
      name: "organisations_backup_fk",
      columns: [t.workspaceId, t.backupId],
      foreignColumns: [users.workspaceId, users.id],
    }),
  ],
);

export const customers = pgTable(
  "customers",
  {
    ...tenant,
    name: text("name").notNull().default(""),
    preferredLanguage: text("preferred_language"),
    timeZone: text("time_zone"),
    preferredChannel: text("preferred_channel", { enum: channels }),
    /** When the customer likes to be reached, in their words ("weekdays after 18:00"). */
    contactTimes: text("contact_times").notNull().default(""),
    notes: text("notes").notNull().default(""),
    importantDates: jsonb("important_dates")
      .$type<ImportantDate[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Habits and preferences as structured entries ("diet: allergic to nuts"), beside the notes. */
    preferences: jsonb("preferences").$type<Preference[]>().notNull().default(sql`'[]'::jsonb`),
    tags: jsonb("tags").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    advisorId: uuid("advisor_id"),
    backupId: uuid("backup_id"),
    organisationId: uuid("organisation_id"),
    /** Set when this profile was merged into another one; kept so the merge can be undone. */
    mergedIntoId: uuid("merged_into_id"),
    /** The customer's key in the shop or system they come from (imports upsert by it). */
    externalId: text("external_id"),
    /** When they became a customer, as the system they come from says (YYYY-MM-DD). */
    customerSince: date("customer_since"),
    /**
     * What customer search reads: the folded name and the customer's identities, one per line. Kept
     * by the database itself (triggers of migration 0002 on customers and customer_identities),
     * never written by us; one column under one trigram index lets a search find, filter and
     * order its matches in one table.
     */
    searchText: text("search_text").notNull().default(""),
    /** Set when the person's data was erased on request: the row stays, anonymised, for the figures. */
    erasedAt: at("erased_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.advisorId],
      foreignColumns: [users.workspaceId, users.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.backupId],
      foreignColumns: [users.workspaceId, users.id],
    }),
    foreignKey({
      name: "customers_organisation_fk",
      columns: [t.workspaceId, t.organisationId],
      foreignColumns: [organisations.workspaceId, organisations.id],
    }),
    index("customers_name").on(t.workspaceId, t.name),
    index("customers_created").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    // The customers list filtered by advisor or organisation, newest first.
    index("customers_advisor_created").on(
      t.workspaceId,
      t.advisorId,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    // "My customers": those someone is the backup for, newest first (the advisor's index above).
    index("customers_backup_created").on(
      t.workspaceId,
      t.backupId,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    index("customers_organisation_created").on(
      t.workspaceId,
      t.organisationId,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    // Imports find a customer by the key of the system they come from; many have none.
    uniqueIndex("customers_external_id")
      .on(t.workspaceId, t.externalId)
      .where(sql`external_id is not null`),
    // Search: trigrams of the search text serve "contains" in any case and accent.
    index("customers_search_trigram").using("gin", sql`search_text gin_trgm_ops`),
  ],
);

/** One way to reach a customer; `value` is normalised (lower-case email, E.164-like phone). */
export const customerIdentities = pgTable(
  "customer_identities",
  {
    ...tenant,
    customerId: uuid("customer_id").notNull(),
    kind: text("kind", { enum: identityKinds }).notNull(),
    value: text("value").notNull(),
    displayValue: text("display_value").notNull(),
    /**
     * The looser key under which variants meet (an email without its +tag, a Gmail address without
     * its dots: normalize.ts suggestionKey): only a reason to suggest a merge, never to match.
     */
    matchKey: text("match_key"),
    verified: boolean("verified").notNull().default(false),
    /** A hard bounce or an opt-out marks an address that must not be written to blindly. */
    flags: jsonb("flags").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("customer_identities_value").on(t.workspaceId, t.kind, t.value),
    index("customer_identities_customer").on(t.workspaceId, t.customerId),
    index("customer_identities_match_key")
      .on(t.workspaceId, t.kind, t.matchKey)
      .where(sql`match_key is not null`),
    foreignKey({
      name: "customer_identities_customer_fk",
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
  ],
);
