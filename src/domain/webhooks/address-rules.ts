// Which addresses a webhook may be sent to: never one inside the desk's own networks (loopback,
// private, link-local, unique-local, CGNAT, cloud metadata…), so that a subscription cannot make
// Rapport reach what only it can reach (SSRF). Pure: the shell resolves the name, then asks here
// about every address it got, IPv4 and IPv6 alike (an IPv4 address written inside IPv6 included).

export type AddressProblem =
  | "not_an_address"
  | "unspecified"
  | "loopback"
  | "private"
  | "link_local"
  | "unique_local"
  | "cgnat"
  | "metadata"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "documentation";

/** The four bytes of a dotted IPv4 address (each 0–255, no leading zero), or null. */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a dotted IPv4 tail), or null. */
export function parseIpv6(text: string): number[] | null {
  const given = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  // A zone (fe80::1%eth0) names an interface of this machine: never a public address.
  if (given.includes("%") || !/^[0-9a-fA-F:.]+$/.test(given)) return null;
  const halves = given.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === "") return [];
    const out: number[] = [];
    const pieces = half.split(":");
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        out.push(Number.parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0] ?? "");
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

type Range = { bytes: number[]; bits: number; problem: AddressProblem };

const v4 = (cidr: string, problem: AddressProblem): Range => {
  const [address = "", bits = "32"] = cidr.split("/");
  return { bytes: parseIpv4(address) ?? [], bits: Number(bits), problem };
};

// Most specific first: the metadata addresses sit inside link-local and CGNAT ranges.
const ipv4Ranges: Range[] = [
  v4("169.254.169.254/32", "metadata"),
  v4("100.100.100.200/32", "metadata"),
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "cgnat"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link_local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"),
  v4("192.0.2.0/24", "documentation"),
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "reserved"),
  v4("198.51.100.0/24", "documentation"),
  v4("203.0.113.0/24", "documentation"),
  v4("224.0.0.0/4", "multicast"),
  v4("255.255.255.255/32", "broadcast"),
  v4("240.0.0.0/4", "reserved"),
];

function inRange(bytes: readonly number[], range: Range): boolean {
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Problem(bytes: readonly number[]): AddressProblem | null {
  return ipv4Ranges.find((r) => inRange(bytes, r))?.problem ?? null;
}

const bytesOfGroups = (groups: readonly number[]) => groups.flatMap((g) => [g >> 8, g & 0xff]);

type Range6 = { prefix: number[]; bits: number; problem: AddressProblem };
const v6 = (cidr: string, problem: AddressProblem): Range6 => {
  const [address = "", bits = "128"] = cidr.split("/");
  return { prefix: bytesOfGroups(parseIpv6(address) ?? []), bits: Number(bits), problem };
};

const ipv6Ranges: Range6[] = [
  v6("fd00:ec2::254/128", "metadata"),
  v6("::1/128", "loopback"),
  v6("::/128", "unspecified"),
  v6("fe80::/10", "link_local"),
  // Site-local, deprecated (RFC 3879) but still routed inside some networks.
  v6("fec0::/10", "private"),
  v6("fc00::/7", "unique_local"),
  v6("ff00::/8", "multicast"),
  v6("100::/64", "reserved"),
  v6("2001:db8::/32", "documentation"),
  v6("2001::/23", "reserved"),
];

/** The IPv4 address an IPv6 one carries, where it is the one that would be reached. */
function embeddedIpv4(groups: readonly number[]): number[] | null {
  const bytes = bytesOfGroups(groups);
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), 64:ff9b::a.b.c.d (NAT64).
  if (zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  if (zero(0, 12) && !zero(12, 16) && !(zero(12, 15) && bytes[15] === 1)) return bytes.slice(12);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(4, 12)) return bytes.slice(12);
  // 6to4: 2002:a.b.c.d::/48 goes through the IPv4 address it names.
  if (groups[0] === 0x2002) return bytes.slice(2, 6);
  return null;
}

/**
 * Why a resolved address may not receive webhooks, or null when it may (a public unicast address).
 * Text that is not an IPv4 or IPv6 address is refused too: the shell must check what it connects to.
 */
export function addressProblem(address: string): AddressProblem | null {
  const four = parseIpv4(address);
  if (four) return ipv4Problem(four);
  const groups = parseIpv6(address);
  if (!groups) return "not_an_address";
  const inner = embeddedIpv4(groups);
  if (inner) return ipv4Problem(inner);
  const bytes = bytesOfGroups(groups);
  const hit = ipv6Ranges.find((r) =>
    inRange(bytes, { bytes: r.prefix, bits: r.bits, problem: r.problem }),
  );
  return hit?.problem ?? null;
}

/** True when the text is an IP address rather than a name to resolve. */
export function isIpAddress(text: string): boolean {
  return parseIpv4(text) !== null || parseIpv6(text) !== null;
}
