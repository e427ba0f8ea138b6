// Where a webhook may be sent, checked after DNS: the URL's rules, then every address its host
// resolves to (none may be private, loopback, link-local… unless RAPPORT_WEBHOOK_ALLOW_PRIVATE).
// The addresses checked are the ones the delivery connects to, so DNS cannot change its answer
// between the check and the connection.
import { type AddressProblem, addressProblem } from "../../domain/webhooks/address-rules.ts";
import { checkWebhookUrl, type WebhookTarget } from "../../domain/webhooks/webhook-url.ts";
import { DeskError } from "../../errors.ts";
import type { DnsLookup } from "../../runtime.ts";

export type ResolvedTarget = WebhookTarget & { addresses: string[] };

const problemWords: Record<AddressProblem, string> = {
  not_an_address: "not an IP address",
  unspecified: "an unspecified address",
  loopback: "a loopback address",
  private: "a private address",
  link_local: "a link-local address",
  unique_local: "a unique-local address",
  cgnat: "a carrier-grade NAT address",
  metadata: "a cloud metadata address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
  documentation: "a documentation address",
};

/** A refused URL, as a field problem of `url` (400). */
export function refusedUrl(why: string): DeskError {
  const message = `the URL ${why}`;
  return new DeskError("invalid_input", `body /url: ${message}`, {
    errors: [{ where: "body", path: "/url", code: "invalid", message }],
  });
}

/** The URL's rules alone, before any look-up. */
export function targetOf(url: string): WebhookTarget {
  const check = checkWebhookUrl(url);
  if (!check.ok) throw refusedUrl(check.why);
  return check.target;
}

async function addressesOf(dns: DnsLookup, host: string): Promise<string[]> {
  const answers = await Promise.allSettled([dns(host, "A"), dns(host, "AAAA")]);
  return answers.flatMap((a) =>
    a.status === "fulfilled" && Array.isArray(a.value)
      ? a.value.filter((v): v is string => typeof v === "string")
      : [],
  );
}

/**
 * The target and the addresses to connect to; a refused URL, a host that does not resolve, or one
 * address of it that is not public (when private ones are not allowed) is an `invalid_input`.
 */
export async function resolveTarget(
  dns: DnsLookup,
  url: string,
  allowPrivate: boolean,
): Promise<ResolvedTarget> {
  const target = targetOf(url);
  const addresses = target.literal ? [target.host] : await addressesOf(dns, target.host);
  if (addresses.length === 0)
    throw refusedUrl(`names the host ${target.host}, which does not resolve`);
  if (!allowPrivate) {
    for (const address of addresses) {
      const problem = addressProblem(address);
      if (problem) {
        const through = target.literal ? "" : ` (${target.host} resolves to ${address})`;
        throw refusedUrl(
          `leads to ${problemWords[problem]}${through}: webhooks go to public addresses only`,
        );
      }
    }
  }
  return { ...target, addresses };
}
