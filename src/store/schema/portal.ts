// The customer portal: the magic links mailed to sign in (only the token's SHA-256 is kept; the
// token itself stays sealed until its mail has left, then is wiped) and the customers' sessions,
// apart from the advisors' ones.
import {
  type AnyPgColumn,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { brands } from "./brand.ts";
import { at, createdAt, tenant } from "./columns.ts";
import { customers } from "./customer.ts";

/** Both tables belong to a brand and a customer of the same workspace. */
const brandAndCustomer = (
  table: string,
  t: { workspaceId: AnyPgColumn; brandId: AnyPgColumn; customerId: AnyPgColumn },
) => [
  foreignKey({
    name: `${table}_workspace_id_brand_id_brands_workspace_id_id_fk`,
    columns: [t.workspaceId, t.brandId],
    foreignColumns: [brands.workspaceId, brands.id],
  }),
  foreignKey({
    name: `${table}_customer_fk`,
    columns: [t.workspaceId, t.customerId],
    foreignColumns: [customers.workspaceId, customers.id],
  }),
];

export const portalLinks = pgTable(
  "portal_links",
  {
    ...tenant,
    brandId: uuid("brand_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    /** The address the link is mailed to, as the customer typed it. */
    email: text("email").notNull(),
    /** The language of the mail (CONTRACT §6): the customer's, else the brand's. */
    language: text("language").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The token sealed for the mail job (store/sealed-box.ts); wiped once the mail has left. */
    sealedToken: text("sealed_token"),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("portal_links_token").on(t.tokenHash),
    index("portal_links_customer").on(t.workspaceId, t.customerId),
    ...brandAndCustomer("portal_links", t),
  ],
);

export const portalSessions = pgTable(
  "portal_sessions",
  {
    ...tenant,
    brandId: uuid("brand_id").notNull(),
    /** The customer who signed in; a merge since is followed to the survivor when read. */
    customerId: uuid("customer_id").notNull(),
    /** The address the link was mailed to: the portal's replies come from it. */
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("portal_sessions_token").on(t.tokenHash),
    index("portal_sessions_customer").on(t.workspaceId, t.customerId),
    ...brandAndCustomer("portal_sessions", t),
  ],
);
