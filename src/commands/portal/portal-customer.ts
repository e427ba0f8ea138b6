// Who the portal is for: the brand a slug names, the customer an address belongs to in its
// workspace (followed through merges to the survivor), and that customer acting as a principal.
import { and, asc, eq } from "drizzle-orm";
import { normalizeEmail } from "../../domain/identity/normalize.ts";
import type { Tx } from "../../store/database.ts";
import { acrossWorkspaces } from "../../store/queries/workspace-scope.ts";
import { brands, customerIdentities, customers } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";

export type PortalBrand = typeof brands.$inferSelect;
export type PortalCustomer = { id: string; name: string; preferredLanguage: string | null };

/** The brand a portal address names; like the public charter, the oldest brand with that slug. */
export async function brandBySlug(db: Tx, slug: string): Promise<PortalBrand | null> {
  const [brand] = await db
    .select()
    .from(brands)
    .where(and(acrossWorkspaces("a public page names its brand by slug"), eq(brands.slug, slug)))
    .orderBy(asc(brands.createdAt))
    .limit(1);
  return brand ?? null;
}

/** Merges chain at most this deep before the portal gives up on a profile. */
const deepestMerge = 10;

/**
 * The customer as they stand now: a profile merged into another is the survivor's; an erased one
 * is nobody any more.
 */
export async function currentCustomer(
  db: Tx,
  workspaceId: string,
  customerId: string,
): Promise<PortalCustomer | null> {
  let id = customerId;
  for (let depth = 0; depth < deepestMerge; depth++) {
    const [row] = await db
      .select({
        id: customers.id,
        name: customers.name,
        preferredLanguage: customers.preferredLanguage,
        mergedIntoId: customers.mergedIntoId,
        erasedAt: customers.erasedAt,
      })
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
    if (!row || row.erasedAt !== null) return null;
    if (row.mergedIntoId === null) return row;
    id = row.mergedIntoId;
  }
  return null;
}

/** The customer whose email identity this address is, in the workspace; null for a stranger. */
export async function customerByEmail(
  db: Tx,
  workspaceId: string,
  email: string,
): Promise<PortalCustomer | null> {
  const [identity] = await db
    .select({ customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .where(
      and(
        eq(customerIdentities.workspaceId, workspaceId),
        eq(customerIdentities.kind, "email"),
        eq(customerIdentities.value, normalizeEmail(email)),
      ),
    );
  return identity ? currentCustomer(db, workspaceId, identity.customerId) : null;
}

/**
 * A customer acting through the portal. Idempotency keys are scoped to them; the role is never
 * read: the portal's use cases check the customer's own conversations themselves.
 */
export const customerPrincipal = (workspaceId: string, customer: PortalCustomer): Principal => ({
  workspaceId,
  role: "advisor",
  userId: null,
  via: "session",
  csrfToken: null,
  scope: `portal:${customer.id}`,
  actor: { kind: "customer", id: customer.id, name: customer.name },
});
