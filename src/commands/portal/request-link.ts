// A customer asks for a sign-in link: when the address is one of the brand's workspace's customers,
// a link is made (only its SHA-256 kept; the token sealed for the mail job until its mail leaves) and
// its mail queued in the same transaction. Whoever asks gets the same answer: the caller says 202.
import { and, desc, eq, lt } from "drizzle-orm";
import { linkExpiry, tokenBytes } from "../../domain/portal/magic-link.ts";
import { mailLanguage } from "../../domain/portal/page-language.ts";
import type { Runtime } from "../../runtime.ts";
import { messages, portalLinks } from "../../store/schema/index.ts";
import { seal } from "../../store/sealed-box.ts";
import { sha256 } from "../access/secrets.ts";
import { openUnit } from "../unit-of-work.ts";
import { brandBySlug, customerByEmail } from "./portal-customer.ts";

export type LinkRequest = { brandSlug: string; email: string; baseUrl: string };

/** Makes and mails a link when the address is a customer's; answers whether it did (never shown). */
export async function requestLink(rt: Runtime, request: LinkRequest): Promise<boolean> {
  const brand = await brandBySlug(rt.db, request.brandSlug);
  if (!brand) return false;
  const customer = await customerByEmail(rt.db, brand.workspaceId, request.email);
  if (!customer) return false;
  const [last] = await rt.db
    .select({ body: messages.bodyText })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, brand.workspaceId),
        eq(messages.authorCustomerId, customer.id),
        eq(messages.direction, "inbound"),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const language = mailLanguage(customer.preferredLanguage, last?.body ?? null, brand.language);
  await rt.db.transaction(async (tx) => {
    const uow = openUnit(rt, tx, {
      workspaceId: brand.workspaceId,
      actor: { kind: "customer", id: customer.id, name: customer.name },
    });
    // The customer's links past their time open nothing: they go as a new one is made.
    await tx
      .delete(portalLinks)
      .where(
        and(
          eq(portalLinks.workspaceId, brand.workspaceId),
          eq(portalLinks.customerId, customer.id),
          lt(portalLinks.expiresAt, uow.now),
        ),
      );
    const id = uow.newId();
    const token = Buffer.from(uow.randomBytes(tokenBytes)).toString("base64url");
    await tx.insert(portalLinks).values({
      workspaceId: brand.workspaceId,
      id,
      brandId: brand.id,
      customerId: customer.id,
      email: request.email.trim(),
      language,
      tokenHash: sha256(token),
      sealedToken: seal(rt.secret, "portal-link", id, token),
      createdAt: uow.now,
      expiresAt: linkExpiry(uow.now),
    });
    await uow.enqueue("send-portal-link", {
      workspaceId: brand.workspaceId,
      linkId: id,
      baseUrl: request.baseUrl,
    });
  });
  return true;
}

/**
 * Answers at once and makes the link after: a known address then takes no longer to answer than an
 * unknown one. A failure is logged (the customer can ask again); it never reaches the answer.
 */
export function requestLinkLater(rt: Runtime, request: LinkRequest): void {
  requestLink(rt, request).catch((error: unknown) => {
    rt.log.error({ err: error }, "a portal sign-in link could not be made");
  });
}
