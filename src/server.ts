// `rapport start`: the whole desk in one process — database, HTTP API and console, SMTP intake, jobs.
import { rmSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Booted } from "./boot.ts";
import { type SmtpIntake, startSmtp } from "./channels/email/smtp-intake.ts";
import { ensureAdmin } from "./commands/setup/first-start.ts";
import type { Config } from "./config.ts";
import { loadDemo } from "./demo/load-demo.ts";
import { buildApp } from "./http/app.ts";
import type { Readiness } from "./http/routes/health.ts";
import { startWorkers, type Workers } from "./jobs/workers.ts";
import { bootServer, type ServerBootOptions, writeRuntimeFile } from "./server-boot.ts";
import { customers } from "./store/schema/index.ts";

export type Running = {
  url: string;
  smtpPort: number;
  booted: Booted;
  admin: { email: string; password: string | null } | null;
  stop(): Promise<void>;
};

async function isEmptyDesk(rt: Booted["rt"], workspaceId: string): Promise<boolean> {
  const [someone] = await rt.db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.workspaceId, workspaceId))
    .limit(1);
  return someone === undefined;
}

/**
 * Starts the desk; `booting` is bootServer's promise when the caller began it already (the start
 * command does, to boot the database while this module and its HTTP and SMTP stacks load).
 */
export async function startServer(
  config: Config,
  options: ServerBootOptions & { booting?: Promise<Booted> } = {},
): Promise<Running> {
  const readiness: Readiness = { ready: false, waitingFor: "database" };
  const booted = await (options.booting ?? bootServer(config, options));
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
    readiness.waitingFor = "realtime hub";
    await rt.hub.start();
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
