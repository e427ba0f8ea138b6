// What a webhook's URL may be: http or https, a host, no credentials (they would be shown and
// logged with the URL; the signature authenticates Rapport instead), the scheme's default port or
// the one written. Pure: which addresses the host may resolve to is `address-rules.ts`'s concern.
import { isIpAddress, parseIpv6 } from "./address-rules.ts";

export type WebhookTarget = {
  url: string;
  protocol: "http:" | "https:";
  /** The host as written, without IPv6 brackets. */
  host: string;
  port: number;
  /** True when the host is an address (nothing to resolve). */
  literal: boolean;
};

export type UrlCheck = { ok: true; target: WebhookTarget } | { ok: false; why: string };

export const maxWebhookUrlLength = 2000;

export function checkWebhookUrl(text: string): UrlCheck {
  if (text.length > maxWebhookUrlLength) {
    return { ok: false, why: `is longer than ${maxWebhookUrlLength} characters` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, why: "is not an absolute URL such as https://example.com/hooks" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, why: "must start with https:// or http://" };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, why: "must not carry a user name or password" };
  }
  const bracketed = url.hostname.startsWith("[");
  const host = bracketed ? url.hostname.slice(1, -1) : url.hostname;
  if (host === "") return { ok: false, why: "has no host" };
  if (bracketed && !parseIpv6(host)) return { ok: false, why: "has a malformed IPv6 address" };
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  if (port === 0) return { ok: false, why: "has port 0" };
  url.hash = "";
  return {
    ok: true,
    target: {
      url: url.toString(),
      protocol: url.protocol,
      host,
      port,
      literal: isIpAddress(host),
    },
  };
}
