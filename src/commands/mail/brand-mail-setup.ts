// A brand's outbound mail identity: its DKIM key (generated once, kept in the database, the private
// half never shown) and the DNS records an administrator must publish for its domain.
import { and, eq, isNull } from "drizzle-orm";
import { mailDomain } from "../../domain/identity/shared-mail-domains.ts";
import { brandDnsRecords, type DnsRecord, spfMechanisms } from "../../domain/mail/dns-records.ts";
import type { Tx } from "../../store/database.ts";
import { brands } from "../../store/schema/index.ts";
import { generateDkimKey } from "./dkim-key.ts";

type Brand = typeof brands.$inferSelect;
export type DkimKey = {
  domain: string;
  selector: string;
  privateKeyPem: string;
  publicKeyPem: string;
};

/** The brand's DKIM key, made on first need (a selector per year keeps later rotations simple). */
export async function ensureDkimKey(tx: Tx, brand: Brand, now: Date): Promise<DkimKey | null> {
  const domain = mailDomain(brand.addresses[0] ?? "");
  if (!domain) return null;
  if (brand.dkimSelector && brand.dkimPrivateKey && brand.dkimPublicKey) {
    return {
      domain,
      selector: brand.dkimSelector,
      privateKeyPem: brand.dkimPrivateKey,
      publicKeyPem: brand.dkimPublicKey,
    };
  }
  const pair = generateDkimKey();
  const selector = `rapport${now.getUTCFullYear()}`;
  // Only the first writer's key stands when two nodes race.
  await tx
    .update(brands)
    .set({
      dkimSelector: selector,
      dkimPrivateKey: pair.privateKeyPem,
      dkimPublicKey: pair.publicKeyPem,
    })
    .where(
      and(
        eq(brands.workspaceId, brand.workspaceId),
        eq(brands.id, brand.id),
        isNull(brands.dkimSelector),
      ),
    );
  const [stored] = await tx
    .select()
    .from(brands)
    .where(and(eq(brands.workspaceId, brand.workspaceId), eq(brands.id, brand.id)));
  if (!stored?.dkimSelector || !stored.dkimPrivateKey || !stored.dkimPublicKey) return null;
  return {
    domain,
    selector: stored.dkimSelector,
    privateKeyPem: stored.dkimPrivateKey,
    publicKeyPem: stored.dkimPublicKey,
  };
}

/** Who sends for the domains when the administrator does not say: the relay's host, else the MX. */
export const defaultSenders = (relayUrl: string | undefined): string[] =>
  relayUrl ? [`a:${new URL(relayUrl).hostname}`] : ["mx"];

export type MailSetup = {
  brand: { id: string; name: string; slug: string };
  domain: string;
  records: DnsRecord[];
};

/** What to publish for the brand's domain; `senders` are SPF mechanisms (the relay's include, IPs, mx). */
export async function mailSetup(
  tx: Tx,
  brand: Brand,
  now: Date,
  senders: readonly string[],
): Promise<MailSetup | null> {
  // A bad sender is refused before a key is made and stored: invalid input changes nothing.
  spfMechanisms(senders);
  const key = await ensureDkimKey(tx, brand, now);
  if (!key) return null;
  return {
    brand: { id: brand.id, name: brand.name, slug: brand.slug },
    domain: key.domain,
    records: brandDnsRecords({
      domain: key.domain,
      senders,
      dkim: { selector: key.selector, publicKeyPem: key.publicKeyPem },
      dmarcReports: `dmarc@${key.domain}`,
    }),
  };
}
