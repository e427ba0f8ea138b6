// Headers every answer carries, whatever route or error produced it: no MIME sniffing, no referrer
// leaving the desk (its addresses name conversations), and no framing by another site.
import type { FastifyReply } from "fastify";
import type { App } from "../app-type.ts";

const noFraming = "frame-ancestors 'none'";

/** A page's own policy keeps its rules; one without `frame-ancestors` gets ours appended. */
export function withFrameAncestors(policy: string | undefined): string {
  if (!policy) return noFraming;
  if (/(^|;)\s*frame-ancestors\s/i.test(policy)) return policy;
  return `${policy.replace(/;\s*$/, "")}; ${noFraming}`;
}

/** Adds the headers to an answer; the router's own refusals, which run no hook, call it directly. */
export function secureAnswer(reply: FastifyReply): FastifyReply {
  const policy = reply.getHeader("content-security-policy");
  const framed = withFrameAncestors(typeof policy === "string" ? policy : undefined);
  reply
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "no-referrer")
    .header("content-security-policy", framed);
  // A page that lets others frame it (the chat widget's) says so by its own frame-ancestors.
  if (/frame-ancestors 'none'/.test(framed)) reply.header("x-frame-options", "DENY");
  return reply;
}

export function registerSecurityHeaders(app: App): void {
  app.addHook("onSend", async (_request, reply) => {
    secureAnswer(reply);
  });
}

/**
 * The API reference page's policy: swagger-ui's own, which allows its inline script and styles by
 * their hashes, kept to this server alone (it also allows any https font and style, an outside
 * validator, and upgrades requests to https, which a plain-http desk on a LAN does not serve).
 */
export function referencePagePolicy(swaggerPolicy: string): string {
  const hashes = (directive: string) =>
    (swaggerPolicy.match(new RegExp(`(?:^|;)\\s*${directive}\\s([^;]*)`))?.[1] ?? "")
      .split(/\s+/)
      .filter((token) => token.startsWith("'sha"));
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    ["script-src 'self'", ...hashes("script-src")].join(" "),
    "script-src-attr 'none'",
    ["style-src 'self'", ...hashes("style-src")].join(" "),
    "form-action 'self'",
    noFraming,
  ].join("; ");
}
