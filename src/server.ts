// `rapport start`: the whole desk in one process — database, HTTP API and console, SMTP intake, jobs.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { type Booted, boot } from "./boot.ts";
import { type SmtpIntake, startSmtp } from "./channels/email/smtp-intake.ts";
import { ensureAdmin } from "./commands/setup/first-start.ts";
import type { Config } from "./config.ts";
import { loadDemo } from "./demo/load-demo.ts";
import { buildApp } from "./http/app.ts";
import type { Readiness } from "./http/routes/health.ts";
import { startWorkers, type Workers } from "./jobs/workers.ts";
import type { DnsLookup } from "./runtime.ts";
import { processAlive } from "./store/embedded/stale.ts";
import { customers } from "./store/schema/index.ts";

export type Running = {
  url: string;
  smtpPort: number;
  booted: Booted;
  admin: { email: string; password: string | null } | null;
  stop(): Promise<void>;
};

type RuntimeFile = {
  pid: number;
  port: number;
  smtp_port: number;
  url: string;
  started_at: string;
};

function claimDataDir(config: Config): void {
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, "runtime.json");
  if (!existsSync(file)) return;
  const previous = JSON.parse(readFileSync(file, "utf8")) as RuntimeFile;
  if (previous.pid !== process.pid && processAlive(previous.pid, "node")) {
    throw new Error(
      `Rapport is already running on ${config.dataDir} (pid ${previous.pid}, ${previous.url}). ` +
        "Stop it first, or choose another RAPPORT_DATA_DIR.",
    );
  }
}

function writeRuntimeFile(config: Config, content: RuntimeFile): void {
  const file = path.join(config.dataDir, "runtime.json");
  writeFileSync(`${file}.tmp`, JSON.stringify(content, null, 2));
  renameSync(`${file}.tmp`, file);
}

async function isEmptyDesk(rt: Booted["rt"], workspaceId: string): Promise<boolean> {
  const [someone] = await rt.db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.workspaceId, workspaceId))
    .limit(1);
  return someone === undefined;
}

export async function startServer(
  config: Config,
  options: { fsync?: boolean; dns?: DnsLookup } = {},
): Promise<Running> {
  claimDataDir(config);
  const readiness: Readiness = { ready: false, waitingFor: "database" };
  const booted = await boot(config, {
    mode: "own",
    fsync: options.fsync ?? true,
    dns: options.dns,
  });
  const { rt, workspaceId } = booted;
  let workers: Workers | null = null;
  let smtp: SmtpIntake | null = null;
  const app = await buildApp(rt, readiness);
  try {
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;

    readiness.waitingFor = "first start";
    const admin = await ensureAdmin(rt, workspaceId);
    // The demo story goes into a new, empty desk only: never beside real customers.
    if (config.demo && (await isEmptyDesk(rt, workspaceId))) {
      readiness.waitingFor = "demo data";
      await loadDemo(rt, workspaceId);
    }
    readiness.waitingFor = "job workers";
    workers = await startWorkers(rt);
    readiness.waitingFor = "SMTP listener";
    smtp = await startSmtp(rt, {
      host: config.smtpHost,
      port: config.smtpPort,
      limits: config.smtpLimits,
      tls: config.smtpTls,
    });
    writeRuntimeFile(config, {
      pid: process.pid,
      port,
      smtp_port: smtp.port,
      url,
      started_at: rt.now().toISOString(),
    });
    readiness.ready = true;
    readiness.waitingFor = "";
    rt.log.info({ url, smtpPort: smtp.port }, "Rapport is ready");
    let stopping: Promise<void> | null = null;
    return {
      url: config.publicUrl ?? url,
      smtpPort: smtp.port,
      booted,
      admin,
      stop() {
        stopping ??= (async () => {
          readiness.ready = false;
          await smtp?.close();
          await app.close();
          await workers?.stop();
          await booted.close();
          rmSync(path.join(config.dataDir, "runtime.json"), { force: true });
        })();
        return stopping;
      },
    };
  } catch (error) {
    await smtp?.close().catch(() => {});
    await app.close().catch(() => {});
    await workers?.stop().catch(() => {});
    await booted.close().catch(() => {});
    throw error;
  }
}
