// Mail addresses as Rapport compares them: lower-cased, `+tag` set apart, matched to a brand.
// The contract matches recipients case-insensitively, local part included (docs/CONTRACT.md §5).

export type AddressParts = { local: string; domain: string };

export type BrandAddressMatch = {
  /** The brand address as configured. */
  brandAddress: string;
  /** What followed `+` in the recipient's local part, lower-cased; null without a tag. */
  tag: string | null;
};

/** Trims, drops surrounding angle brackets and lower-cases the whole address. */
export function normalizeAddress(address: string): string {
  let value = address.trim();
  if (value.startsWith("<") && value.endsWith(">")) value = value.slice(1, -1).trim();
  return value.toLowerCase();
}

/** Splits at the last `@` (a quoted local part may hold one); null when there is no domain. */
export function splitAddress(address: string): AddressParts | null {
  const normalized = normalizeAddress(address);
  const at = normalized.lastIndexOf("@");
  if (at <= 0 || at === normalized.length - 1) return null;
  return { local: normalized.slice(0, at), domain: normalized.slice(at + 1) };
}

/** The address without its `+tag`: `Support+Urgent@Example.com` → `support@example.com`. */
export function stripTag(address: string): string {
  const parts = splitAddress(address);
  if (!parts) return normalizeAddress(address);
  const plus = parts.local.indexOf("+");
  const local = plus > 0 ? parts.local.slice(0, plus) : parts.local;
  return `${local}@${parts.domain}`;
}

/**
 * The brand address a recipient was sent to, with its tag. A brand address that itself
 * holds a `+` (`support+fr@…`) matches exactly or with a further tag, never by its base.
 */
export function matchBrandAddress(
  recipient: string,
  brandAddresses: readonly string[],
): BrandAddressMatch | null {
  const target = splitAddress(recipient);
  if (!target) return null;
  let best: BrandAddressMatch | null = null;
  let bestLength = -1;
  for (const brandAddress of brandAddresses) {
    const brand = splitAddress(brandAddress);
    if (!brand || brand.domain !== target.domain) continue;
    let tag: string | null;
    if (target.local === brand.local) tag = null;
    else if (target.local.startsWith(`${brand.local}+`))
      tag = target.local.slice(brand.local.length + 1);
    else continue;
    // The longest brand local part wins, so `support+fr@` beats `support@` for `support+fr@`.
    if (brand.local.length > bestLength) {
      best = { brandAddress, tag: tag === "" ? null : tag };
      bestLength = brand.local.length;
    }
  }
  return best;
}
