// How an identity is written down so that the same person is found again: one spelling per address,
// number, chat visitor or social handle, and the looser suggestion key that only proposes a merge.
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";

/** Email addresses compare without regard to case (docs/CONTRACT.md §4). */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

/** An ISO 3166 alpha-2 country ("FR"), upper-case, or null when it is not one. */
export function countryCode(written: string | null | undefined): CountryCode | null {
  const code = written?.trim().toUpperCase() ?? "";
  return /^[A-Z]{2}$/.test(code) ? (code as CountryCode) : null;
}

/**
 * A phone number in E.164 ("+33612345678") when it can be read as one: written with its
 * international prefix, or national and read in `country` (the brand's). A number that cannot be
 * placed keeps a leading + and its digits only, as it was written ("06 12 34 56 78" with no
 * country → "0612345678"): the same writing still finds the same person.
 */
export function normalizePhone(phone: string, country?: string | null): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < 4 || digits.length > 17) return null;
  if (/[^+0-9 ().\-/]/.test(trimmed)) return null;
  const international = trimmed.startsWith("+") || trimmed.startsWith("00");
  const written = international ? `+${digits.replace(/^00/, "")}` : digits;
  const parsed = parsePhoneNumberFromString(written, countryCode(country) ?? undefined);
  if (parsed?.isPossible()) return parsed.number;
  return written;
}

/** A chat visitor id is an opaque token the widget gave: kept as it is, without the spaces around. */
export function normalizeChatId(visitor: string): string | null {
  const value = visitor.trim();
  return value === "" || value.length > 200 ? null : value;
}

/**
 * A social handle as "network:handle", both lower-case and without the @ ("Instagram", "@Marie_D"
 * → "instagram:marie_d"); a handle written "network:handle" is read the same way.
 */
export function normalizeSocialHandle(handle: string, network?: string | null): string | null {
  let net = network?.trim().toLowerCase() ?? "";
  let name = handle.trim().toLowerCase();
  const colon = name.indexOf(":");
  if (!net && colon > 0) {
    net = name.slice(0, colon).trim();
    name = name.slice(colon + 1).trim();
  }
  name = name.replace(/^@+/, "");
  if (!/^[a-z0-9._-]{1,100}$/.test(name)) return null;
  return net ? `${net}:${name}` : name;
}

const gmailDomains = new Set(["gmail.com", "googlemail.com"]);

/**
 * The key under which variants of one identity meet: an email without its +tag, and a Gmail
 * address without its dots ("Marie.Dupont+shop@googlemail.com" → "mariedupont@gmail.com"). It is
 * only ever a reason to suggest a merge, never to match a sender: "+tag" and dots may be two people
 * elsewhere. Null when the kind has no looser form.
 */
export function suggestionKey(kind: string, value: string): string | null {
  if (kind !== "email") return null;
  const at = value.lastIndexOf("@");
  if (at <= 0) return null;
  const domain = value.slice(at + 1).toLowerCase();
  const local = value.slice(0, at).toLowerCase().split("+")[0] ?? "";
  if (!gmailDomains.has(domain)) return `${local}@${domain}`;
  return `${local.replaceAll(".", "")}@gmail.com`;
}
