// Signing in to the portal with a mailed link (once, within 15 minutes), recognising the session
// cookie that follows, and signing out. Apart from the advisors' sessions: its own table and cookie.
import { and, eq, gt, lte } from "drizzle-orm";
import {
  type LinkState,
  linkState,
  sessionLifetimeMs,
  tokenBytes,
  tokenShape,
} from "../../domain/portal/magic-link.ts";
import type { Runtime } from "../../runtime.ts";
import { acrossWorkspaces } from "../../store/queries/workspace-scope.ts";
import { brands, portalLinks, portalSessions } from "../../store/schema/index.ts";
import { sha256 } from "../access/secrets.ts";
import { currentCustomer, type PortalBrand, type PortalCustomer } from "./portal-customer.ts";

export type PortalSignIn =
  | { ok: true; token: string; csrfToken: string; maxAgeSeconds: number }
  | { ok: false; reason: Exclude<LinkState, "usable"> | "unknown" };

const newToken = (rt: Runtime, size = tokenBytes) =>
  Buffer.from(rt.randomBytes(size)).toString("base64url");

/** Uses a mailed link of this brand: once only, the link and the session in one transaction. */
export async function signInWithLink(
  rt: Runtime,
  brandSlug: string,
  token: string,
): Promise<PortalSignIn> {
  if (!tokenShape.test(token)) return { ok: false, reason: "unknown" };
  return rt.db.transaction(async (tx): Promise<PortalSignIn> => {
    const [row] = await tx
      .select({ link: portalLinks, slug: brands.slug })
      .from(portalLinks)
      .innerJoin(
        brands,
        and(eq(brands.workspaceId, portalLinks.workspaceId), eq(brands.id, portalLinks.brandId)),
      )
      .where(
        and(
          acrossWorkspaces("a sign-in link is found by its token"),
          eq(portalLinks.tokenHash, sha256(token)),
        ),
      )
      .for("update", { of: portalLinks });
    if (!row || row.slug !== brandSlug) return { ok: false, reason: "unknown" };
    const { link } = row;
    const now = rt.now();
    const state = linkState(link, now);
    if (state !== "usable") return { ok: false, reason: state };
    await tx
      .update(portalLinks)
      .set({ usedAt: now, sealedToken: null })
      .where(and(eq(portalLinks.workspaceId, link.workspaceId), eq(portalLinks.id, link.id)));
    const customer = await currentCustomer(tx, link.workspaceId, link.customerId);
    if (!customer) return { ok: false, reason: "unknown" };
    // The customer's sessions past their time go as a new one opens.
    await tx
      .delete(portalSessions)
      .where(
        and(
          eq(portalSessions.workspaceId, link.workspaceId),
          eq(portalSessions.customerId, customer.id),
          lte(portalSessions.expiresAt, now),
        ),
      );
    const session = newToken(rt);
    const csrfToken = newToken(rt, 24);
    await tx.insert(portalSessions).values({
      workspaceId: link.workspaceId,
      id: rt.newId(),
      brandId: link.brandId,
      customerId: customer.id,
      email: link.email,
      tokenHash: sha256(session),
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + sessionLifetimeMs),
    });
    return { ok: true, token: session, csrfToken, maxAgeSeconds: sessionLifetimeMs / 1000 };
  });
}

export type PortalSession = {
  workspaceId: string;
  brand: PortalBrand;
  /** The customer now (the survivor when the one who signed in was merged since). */
  customer: PortalCustomer;
  email: string;
  csrfToken: string;
};

/** The session of a portal cookie, or null when it is unknown, expired, or its customer erased. */
export async function portalSessionOf(rt: Runtime, token: string): Promise<PortalSession | null> {
  if (!tokenShape.test(token)) return null;
  const [row] = await rt.db
    .select({ session: portalSessions, brand: brands })
    .from(portalSessions)
    .innerJoin(
      brands,
      and(
        eq(brands.workspaceId, portalSessions.workspaceId),
        eq(brands.id, portalSessions.brandId),
      ),
    )
    .where(
      and(
        acrossWorkspaces("a portal session is found by its token"),
        eq(portalSessions.tokenHash, sha256(token)),
        gt(portalSessions.expiresAt, rt.now()),
      ),
    )
    .limit(1);
  if (!row) return null;
  const customer = await currentCustomer(rt.db, row.session.workspaceId, row.session.customerId);
  if (!customer) return null;
  return {
    workspaceId: row.session.workspaceId,
    brand: row.brand,
    customer,
    email: row.session.email,
    csrfToken: row.session.csrfToken,
  };
}

export async function signOutOfPortal(rt: Runtime, token: string): Promise<void> {
  await rt.db
    .delete(portalSessions)
    .where(
      and(
        acrossWorkspaces("a portal session is found by its token"),
        eq(portalSessions.tokenHash, sha256(token)),
      ),
    );
}
