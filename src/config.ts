// The environment, parsed once with Zod: nothing else in Rapport reads process.env.
import path from "node:path";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65535);
const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const environment = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  SMTP_PORT: port.default(2525),
  SMTP_HOST: z.string().min(1).default("127.0.0.1"),
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
  RAPPORT_MAIL_AUTH: z.enum(["dns", "off"]).default("dns"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  smtpPort: number;
  smtpHost: string;
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
  logLevel: z.infer<typeof environment>["LOG_LEVEL"];
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
  return {
    port: e.PORT,
    host: e.HOST,
    smtpPort: e.SMTP_PORT,
    smtpHost: e.SMTP_HOST,
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
    logLevel: e.LOG_LEVEL,
  };
}
