// The environment, parsed once with Zod: nothing else in Rapport reads process.env.
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65535);
/** Which peers are reverse proxies whose X-Forwarded-For names the client (proxy-addr's terms). */
export type TrustProxy = false | number | string[];

const proxyNames = new Set(["loopback", "linklocal", "uniquelocal"]);
function trustedProxy(entry: string): boolean {
  if (proxyNames.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const trustProxy = z.string().transform((value, context): TrustProxy => {
  const text = value.trim();
  if (text === "0" || text === "false") return false;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(",").map((e) => e.trim());
  const bad = entries.filter((e) => !trustedProxy(e));
  if (bad.length === 0) return entries;
  context.addIssue({
    code: "custom",
    message: `RAPPORT_TRUST_PROXY: ${bad.join(", ")} is not an address, a CIDR range (10.0.0.0/8), loopback, linklocal or uniquelocal; or give a number of proxy hops`,
  });
  return z.NEVER;
});

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const environment = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  SMTP_PORT: port.default(2525),
  SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(100),
  SMTP_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).default(10),
  SMTP_DATA_TIMEOUT: z.coerce.number().int().min(1).default(300),
  SMTP_TLS_CERT: z.string().min(1).optional(),
  SMTP_TLS_KEY: z.string().min(1).optional(),
  RAPPORT_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres://")
    .optional(),
  RAPPORT_DEMO: flag.optional(),
  RAPPORT_SUPPORT_ADDRESS: z.email().default("support@rapport.localhost"),
  SMTP_RELAY_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_RELAY_URL must start with smtp:// or smtps://")
    .optional(),
  RAPPORT_PUBLIC_URL: z.url().optional(),
  RAPPORT_SECRET: z.string().min(32, "RAPPORT_SECRET needs at least 32 characters").optional(),
  RAPPORT_ADMIN_EMAIL: z.email().optional(),
  RAPPORT_ADMIN_PASSWORD: z
    .string()
    .min(10, "RAPPORT_ADMIN_PASSWORD needs 10 characters")
    .optional(),
  RAPPORT_SPAMD: z
    .string()
    .regex(/^\[?[^\]\s]+\]?:\d{1,5}$/, "RAPPORT_SPAMD must be host:port")
    .optional(),
  RAPPORT_TRUST_PROXY: trustProxy.optional(),
  RAPPORT_WEBHOOK_ALLOW_PRIVATE: flag.optional(),
  RAPPORT_MAIL_AUTH: z.enum(["dns", "off"]).default("dns"),
  RAPPORT_IMAP_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  smtpPort: number;
  smtpHost: string;
  smtpLimits: SmtpLimits;
  /** PEM files of the certificate offered with STARTTLS; unset → no STARTTLS. */
  smtpTls: { certFile: string; keyFile: string } | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  supportAddress: string;
  relayUrl: string | undefined;
  publicUrl: string | undefined;
  secret: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Check inbound mail's SPF, DKIM and DMARC with DNS ("dns"), or not ("off"). */
  mailAuth: "dns" | "off";
  /** A local SpamAssassin daemon (host:port) asked for a second opinion on inbound mail. */
  spamd: string | undefined;
  /**
   * IMAP mailboxes: seconds between two looks at a server without IDLE (and the longest IDLE
   * before looking anyway).
   */
  imapPollMs: number;
  /**
   * Webhooks may go to private, loopback and link-local addresses (a receiver on the same network,
   * tests); off by default, so a subscription cannot reach what only Rapport can reach.
   */
  webhookAllowPrivate: boolean;
  logLevel: z.infer<typeof environment>["LOG_LEVEL"];
  /**
   * The reverse proxies trusted to say who the client is (X-Forwarded-For): addresses or ranges,
   * or a number of hops. False: the header is ignored and the peer's address is the client's.
   */
  trustProxy: TrustProxy;
};

/** What one sender may hold of the SMTP listener (CONTRACT §5). */
export type SmtpLimits = {
  /** Connections open at once, all clients together; the next is told 421. */
  maxConnections: number;
  /** Connections open at once from one client address. */
  maxConnectionsPerClient: number;
  /** The whole DATA phase, from the 354 to the final dot: a slower sender is cut with 421. */
  dataTimeoutMs: number;
};

export class ConfigError extends Error {}

/** Reads the environment (process.env by default); throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  if ((e.SMTP_TLS_CERT === undefined) !== (e.SMTP_TLS_KEY === undefined))
    throw new ConfigError(
      "invalid environment:\n  SMTP_TLS_CERT and SMTP_TLS_KEY are set together or not at all",
    );
  return {
    port: e.PORT,
    host: e.HOST,
    smtpPort: e.SMTP_PORT,
    smtpHost: e.SMTP_HOST,
    smtpLimits: {
      maxConnections: e.SMTP_MAX_CONNECTIONS,
      maxConnectionsPerClient: e.SMTP_MAX_CONNECTIONS_PER_CLIENT,
      dataTimeoutMs: e.SMTP_DATA_TIMEOUT * 1000,
    },
    smtpTls:
      e.SMTP_TLS_CERT && e.SMTP_TLS_KEY
        ? { certFile: path.resolve(e.SMTP_TLS_CERT), keyFile: path.resolve(e.SMTP_TLS_KEY) }
        : undefined,
    dataDir: path.resolve(e.RAPPORT_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.RAPPORT_DEMO ?? e.DATABASE_URL === undefined,
    supportAddress: e.RAPPORT_SUPPORT_ADDRESS.toLowerCase(),
    relayUrl: e.SMTP_RELAY_URL,
    publicUrl: e.RAPPORT_PUBLIC_URL?.replace(/\/$/, ""),
    secret: e.RAPPORT_SECRET,
    adminEmail: e.RAPPORT_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.RAPPORT_ADMIN_PASSWORD,
    spamd: e.RAPPORT_SPAMD,
    mailAuth: e.RAPPORT_MAIL_AUTH,
    imapPollMs: e.RAPPORT_IMAP_POLL_SECONDS * 1000,
    webhookAllowPrivate: e.RAPPORT_WEBHOOK_ALLOW_PRIVATE ?? false,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.RAPPORT_TRUST_PROXY ?? false,
  };
}
