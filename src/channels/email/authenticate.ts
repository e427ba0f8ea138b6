// Checks an inbound mail's SPF, DKIM and DMARC ourselves (mailauth, with the runtime's DNS), as the
// border MTA would: the results feed the spam rules. Without DNS, or past a few seconds, it says
// nothing rather than hold the mail.
import { createRequire } from "node:module";
import type { DnsLookup, Runtime } from "../../runtime.ts";
import { cachedDns } from "./dns-cache.ts";

type Authenticate = (
  raw: Buffer,
  options: {
    ip?: string;
    helo?: string;
    sender?: string;
    mta: string;
    resolver: (name: string, type: string) => Promise<unknown>;
    disableArc: boolean;
    disableBimi: boolean;
  },
) => Promise<{ headers: string }>;

const { authenticate } = createRequire(import.meta.url)("mailauth") as {
  authenticate: Authenticate;
};

export type SmtpPeer = { ip: string | null; helo: string | null; mailFrom: string | null };

const withinMs = 8_000;

/** One cache per resolver: a desk's answers are shared by all its mails, a test's stay its own. */
const caches = new WeakMap<DnsLookup, DnsLookup>();
function resolverOf(dns: DnsLookup): DnsLookup {
  let cached = caches.get(dns);
  if (!cached) {
    cached = cachedDns(dns);
    caches.set(dns, cached);
  }
  return cached;
}

/** The `Authentication-Results` values we write for this mail; none when checks are off or fail. */
export async function authenticationResults(
  rt: Runtime,
  raw: Buffer,
  peer: SmtpPeer,
): Promise<string[]> {
  if (rt.config.mailAuth === "off" || !peer.ip) return [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const checked = await Promise.race([
      authenticate(raw, {
        ip: peer.ip.replace(/^::ffff:/, ""),
        helo: peer.helo ?? undefined,
        sender: peer.mailFrom || undefined,
        mta: "rapport",
        resolver: resolverOf(rt.dns),
        disableArc: true,
        disableBimi: true,
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`mail authentication took over ${withinMs} ms`)),
          withinMs,
        );
      }),
    ]);
    return resultsOf(checked.headers);
  } catch (error) {
    rt.log.warn({ err: error }, "mail authentication skipped");
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/** The Authentication-Results values (unfolded) from mailauth's header block. */
export function resultsOf(headers: string): string[] {
  return headers
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/)
    .filter((line) => /^authentication-results:/i.test(line))
    .map((line) => line.replace(/^authentication-results:\s*/i, ""));
}
