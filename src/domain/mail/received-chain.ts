// Reads a mail's Received trail (RFC 5321 §4.4) and finds hops no real relay writes: localhost
// between two organisations, a private address reached from another one after the internet.
import { organisationalDomain } from "./organisational-domain.ts";

export type AddressScope = "loopback" | "private" | "public";

export type ReceivedHop = {
  /** The name the sending host gave (HELO/EHLO), lower-case; null without a `from` clause. */
  fromHost: string | null;
  /** The connecting address the receiving host recorded, e.g. `[203.0.113.5]`. */
  fromIp: string | null;
  /** The receiving host, lower-case. */
  byHost: string | null;
};

export type ReceivedAnomaly = {
  kind: "localhost_between_hosts" | "private_after_public";
  detail: string;
};

// Names a host gives itself inside a network, which say nothing of its organisation.
const LOCAL_NAME = /(?:^|\.)(?:localhost|localdomain|local|lan|internal|home|corp)\.?$/i;

// Beyond this, a trail is noise (loops are refused by MTAs well before 100 hops).
const MAX_HOPS = 50;

/** Received values as the headers map holds them (most recent first) → hops, oldest first. */
export function receivedHops(values: readonly string[]): ReceivedHop[] {
  return values.slice(0, MAX_HOPS).map(parseHop).reverse();
}

export function parseHop(value: string): ReceivedHop {
  const text = value.replace(/\s+/g, " ").split(";")[0] ?? "";
  const from = text.match(/(?:^|\s)from\s+(\S+)(.*?)(?=\s(?:by|via|with|id|for)\s|$)/i);
  const by = text.match(/(?:^|\s)by\s+([^\s;()]+)/i);
  let fromIp: string | null = null;
  if (from) {
    const clause = `${from[1]}${from[2]}`;
    // `[203.0.113.5]` for most MTAs; Exchange writes the address alone in parentheses.
    const literals = Array.from(clause.matchAll(/\[(?:ipv6:)?([0-9a-f:.]+)\]/gi));
    const bare = clause.match(/\(\s*(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)\s*\)/i);
    fromIp = (literals.at(-1)?.[1] ?? bare?.[1])?.toLowerCase() ?? null;
  }
  return {
    fromHost: from?.[1]?.toLowerCase().replace(/^\[|\]$/g, "") ?? null,
    fromIp,
    byHost: by?.[1]?.toLowerCase() ?? null,
  };
}

export function addressScope(ip: string): AddressScope {
  const v4 = ip.match(/^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    if (a === 127) return "loopback";
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
    if ((a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254)) return "private";
    return "public";
  }
  const v6 = ip.toLowerCase();
  if (v6 === "::1") return "loopback";
  if (v6.startsWith("::ffff:")) return addressScope(v6.slice(7));
  if (/^f[cd]/.test(v6) || /^fe[89ab]/.test(v6)) return "private";
  return "public";
}

/** What in the trail no honest relay writes; empty for an ordinary trail. */
export function receivedAnomalies(hops: readonly ReceivedHop[]): ReceivedAnomaly[] {
  const anomalies: ReceivedAnomaly[] = [];
  let publicHop: ReceivedHop | null = null;
  for (let i = 0; i < hops.length; i++) {
    const hop = hops[i];
    if (!hop) continue;
    const scope = hop.fromIp ? addressScope(hop.fromIp) : null;
    const previous = i > 0 ? hops[i - 1] : undefined;
    // A host can only hear from localhost what it handed to itself (a content filter
    // re-injecting the mail): the hop before must have been received by the same organisation.
    if (previous && isLocalhost(hop) && otherOrganisations(previous.byHost, hop.byHost)) {
      anomalies.push({
        kind: "localhost_between_hosts",
        detail: `${hop.byHost} claims it got the mail from localhost, but ${previous.byHost} had it just before`,
      });
    }
    if (scope === "private" && publicHop && otherOrganisations(publicHop.byHost, hop.byHost)) {
      anomalies.push({
        kind: "private_after_public",
        detail: `${hop.byHost} claims it got the mail from the private address ${hop.fromIp}, after ${publicHop.byHost} took it from the internet`,
      });
    }
    if (scope === "public") publicHop = hop;
  }
  return anomalies;
}

function isLocalhost(hop: ReceivedHop): boolean {
  if (hop.fromIp) return addressScope(hop.fromIp) === "loopback";
  return hop.fromHost === "localhost" || hop.fromHost === "localhost.localdomain";
}

/** Both named, neither local, and under different organisational domains. */
function otherOrganisations(a: string | null, b: string | null): boolean {
  const first = a && !LOCAL_NAME.test(a) ? organisationalDomain(a) : null;
  const second = b && !LOCAL_NAME.test(b) ? organisationalDomain(b) : null;
  return first !== null && second !== null && first !== second;
}
