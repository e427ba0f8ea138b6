// An organisation's mail domains: lower-case host names, each once, never a shared provider (a
// gmail.com address says nothing about the sender's organisation).
import { isSharedMailDomain } from "../identity/shared-mail-domains.ts";

export type DomainProblem = { index: number; domain: string; why: "invalid_format" | "shared" };

const hostName =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** "@Example.COM " is written example.com. */
export const normalizeDomain = (domain: string): string =>
  domain.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase();

/** The domains as stored (normalised, without repeats, in the order given) and what is wrong with any. */
export function checkOrganisationDomains(domains: readonly string[]): {
  domains: string[];
  problems: DomainProblem[];
} {
  const problems: DomainProblem[] = [];
  domains.forEach((given, index) => {
    const domain = normalizeDomain(given);
    if (!hostName.test(domain)) problems.push({ index, domain: given, why: "invalid_format" });
    else if (isSharedMailDomain(domain)) problems.push({ index, domain, why: "shared" });
  });
  return { domains: [...new Set(domains.map(normalizeDomain))], problems };
}
