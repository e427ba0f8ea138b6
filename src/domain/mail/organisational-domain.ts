// The organisational domain of a host name ("mail.shop.example.co.uk" → "example.co.uk"), close
// enough to compare senders and links without shipping the Public Suffix List.

// Second-level suffixes under which organisations register: the ones our FR/EN customers meet.
// A host under a suffix missing here is cut to its last two labels, which can only make two
// hosts of one suffix look alike (a missed spam point), never two of one organisation differ.
const MULTI_LABEL_SUFFIXES = new Set([
  "co.uk",
  "org.uk",
  "ac.uk",
  "gov.uk",
  "me.uk",
  "ltd.uk",
  "plc.uk",
  "com.au",
  "net.au",
  "org.au",
  "co.nz",
  "co.za",
  "co.jp",
  "co.in",
  "com.br",
  "com.mx",
  "com.tr",
  "com.cn",
  "gouv.fr",
  "asso.fr",
  "nom.fr",
  "qc.ca",
  "gc.ca",
  "gov.au",
  "com.sg",
  "com.hk",
]);

/** Lower-case, without a trailing dot; null for an IP literal or something that is no host name. */
export function organisationalDomain(host: string): string | null {
  const name = host.trim().toLowerCase().replace(/\.$/, "");
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(name) || /^[0-9.]+$/.test(name)) return null;
  const labels = name.split(".");
  const lastTwo = labels.slice(-2).join(".");
  const keep = MULTI_LABEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-keep).join(".");
}

/** The domain of an address, lower-case; null when it has none. */
export function addressDomain(address: string): string | null {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return null;
  return address
    .slice(at + 1)
    .replace(/>\s*$/, "")
    .trim()
    .toLowerCase();
}
