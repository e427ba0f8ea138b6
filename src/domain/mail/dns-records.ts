// What an administrator publishes in a brand's DNS so that our mail is delivered and trusted:
// SPF (who may send), DKIM (our signing key), DMARC (what receivers do with forgeries).

export type DnsRecord = { name: string; type: "TXT"; value: string; why: string };

export type DmarcPolicy = "none" | "quarantine" | "reject";

export type BrandDnsInput = {
  /** The brand's mail domain, e.g. `brand.example`. */
  domain: string;
  /**
   * Who sends for the domain: the relay's SPF domain (`_spf.relay.example`, published with
   * `include:`), IPv4 or IPv6 addresses or ranges, or `mx` / `a`.
   */
  senders: readonly string[];
  dkim: { selector: string; publicKeyPem: string };
  /** Where receivers send their aggregate reports (`rua`). */
  dmarcReports: string;
  dmarcPolicy?: DmarcPolicy;
};

const LABELS =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*(?:\/\d{1,3})?$/i;

export function brandDnsRecords(input: BrandDnsInput): DnsRecord[] {
  const domain = hostName(input.domain, "domain");
  const dkim = dkimDnsRecord({ ...input.dkim, domain });
  const policy = input.dmarcPolicy ?? "quarantine";
  const reports = input.dmarcReports.trim().replace(/^mailto:/i, "");
  if (!/^[^@\s,;!]+@[^@\s,;!]+$/.test(reports)) {
    throw new Error(`not an address for DMARC reports: ${input.dmarcReports}`);
  }
  const reportsDomain = reports.slice(reports.lastIndexOf("@") + 1).toLowerCase();
  return [
    {
      name: domain,
      type: "TXT",
      value: `v=spf1 ${spfMechanisms(input.senders).join(" ")} -all`,
      why: "SPF names the servers allowed to send mail for the domain; `-all` asks receivers to refuse the others. A domain has one SPF record only: merge these mechanisms into an existing one.",
    },
    {
      ...dkim,
      why: "DKIM publishes the key our signatures verify with, so receivers know the mail was not changed and comes from the domain. Some DNS hosts want the value split in strings of at most 255 characters.",
    },
    {
      name: `_dmarc.${domain}`,
      type: "TXT",
      value: `v=DMARC1; p=${policy}; rua=mailto:${reports}; adkim=r; aspf=r`,
      why:
        `DMARC tells receivers what to do with mail that claims the domain but passes neither SPF nor DKIM (${policy}), and where to report it.` +
        (reportsDomain === domain || reportsDomain.endsWith(`.${domain}`)
          ? ""
          : ` As reports go to another domain, ${reportsDomain} must publish ${domain}._report._dmarc.${reportsDomain} TXT "v=DMARC1".`),
    },
  ];
}

/** `<selector>._domainkey.<domain>` TXT `v=DKIM1; k=rsa; p=<the public key, base64 DER>`. */
export function dkimDnsRecord(input: { selector: string; domain: string; publicKeyPem: string }): {
  name: string;
  type: "TXT";
  value: string;
} {
  const selector = hostName(input.selector, "DKIM selector");
  const domain = hostName(input.domain, "domain");
  const pem = input.publicKeyPem.trim();
  const match = pem.match(
    /^-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----$/,
  );
  if (!match)
    throw new Error("the DKIM public key must be a PEM SubjectPublicKeyInfo (BEGIN PUBLIC KEY)");
  const key = (match[1] ?? "").replace(/\s+/g, "");
  return {
    name: `${selector}._domainkey.${domain}`,
    type: "TXT",
    value: `v=DKIM1; k=rsa; p=${key}`,
  };
}

export function spfMechanisms(senders: readonly string[]): string[] {
  if (senders.length === 0) throw new Error("an SPF record needs at least one sender");
  return senders.map((sender) => {
    const value = sender.trim().toLowerCase();
    if (value === "mx" || value === "a") return value;
    const [, prefix, rest = value] = value.match(/^(include|ip4|ip6|a|mx):(.*)$/) ?? [];
    if ((prefix === undefined || prefix === "ip4") && IPV4.test(rest)) return `ip4:${rest}`;
    if ((prefix === undefined || prefix === "ip6") && IPV6.test(rest)) return `ip6:${rest}`;
    if (prefix === "ip4" || prefix === "ip6") throw new Error(`not a valid SPF sender: ${sender}`);
    return `${prefix ?? "include"}:${hostName(rest, "SPF sender")}`;
  });
}

function hostName(value: string, what: string): string {
  const name = value.trim().toLowerCase().replace(/\.$/, "");
  if (!LABELS.test(name)) throw new Error(`not a valid ${what}: ${value}`);
  return name;
}
