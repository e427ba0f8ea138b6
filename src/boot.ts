// Opens what every process needs — the database (embedded cluster or DATABASE_URL), migrations,
// the shared secret and the default workspace — and closes it again.
import path from "node:path";
import { type Logger, pino } from "pino";
import { ensureSecret, ensureWorkspace } from "./commands/setup/first-start.ts";
import type { Config } from "./config.ts";
import { openQueue, type Queue } from "./jobs/queue.ts";
import { errorSerializer, requestSerializer } from "./log-serializers.ts";
import { createHub } from "./realtime/hub.ts";
import {
  type DnsLookup,
  newId,
  type Runtime,
  secureRandom,
  systemClock,
  systemDns,
} from "./runtime.ts";
import { folderBlobStore } from "./store/blobs/folder-blob-store.ts";
import { migrate, openDatabase } from "./store/database.ts";
import { type Cluster, runningClusterUrl, startCluster } from "./store/embedded/cluster.ts";

export type Booted = {
  rt: Runtime;
  workspaceId: string;
  databaseUrl: string;
  /** The embedded cluster when this process started it. */
  cluster: Cluster | null;
  close(): Promise<void>;
};

/** The product's logger: JSON on stderr (a test gives another destination to read what it says). */
export function makeLogger(
  config: Config,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { pid: process.pid },
      serializers: { req: requestSerializer, err: errorSerializer },
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          'res.headers["set-cookie"]',
          "*.password",
          "*.token",
          "*.secret",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

export type BootOptions = {
  /** `start` owns the embedded cluster and supervises jobs; other commands attach to a running one. */
  mode: "own" | "attach";
  log?: Logger;
  fsync?: boolean;
  /** DNS for mail authentication; the system's by default. */
  dns?: DnsLookup;
};

export async function boot(config: Config, options: BootOptions): Promise<Booted> {
  const log = options.log ?? makeLogger(config);
  let cluster: Cluster | null = null;
  let url = config.databaseUrl;
  if (!url && options.mode === "attach") url = runningClusterUrl(config.dataDir) ?? undefined;
  if (!url) {
    cluster = await startCluster({ dataDir: config.dataDir, log, fsync: options.fsync ?? true });
    url = cluster.url;
  }
  const database = openDatabase(url);
  let queue: Queue | null = null;
  try {
    // The desk's migrations and the job queue's own schema (pgboss) do not depend on each other: on a
    // fresh data folder both are created at once, which shortens the first start.
    const [migrated, opened] = await Promise.allSettled([
      migrate(database.pool),
      openQueue(url, log, { supervise: options.mode === "own" }),
    ]);
    if (opened.status === "fulfilled") queue = opened.value;
    if (migrated.status === "rejected") throw migrated.reason;
    if (opened.status === "rejected") throw opened.reason;
    const jobs = opened.value;
    log.info("migrations applied, job queue open");
    const secret = await ensureSecret(database.db, config);
    const rt: Runtime = {
      db: database.db,
      log,
      config,
      blobs: folderBlobStore(path.join(config.dataDir, "blobs")),
      queue: jobs,
      secret,
      now: systemClock,
      newId,
      randomBytes: secureRandom,
      dns: options.dns ?? systemDns,
      // Listens only once started (the server does; a subscription does when needed).
      hub: createHub({ url, db: database.db, log, now: systemClock }),
    };
    const { workspaceId } = await ensureWorkspace(rt);
    return {
      rt,
      workspaceId,
      databaseUrl: url,
      cluster,
      async close() {
        await rt.hub.stop();
        await queue?.stop();
        await database.close();
        await cluster?.stop();
      },
    };
  } catch (error) {
    await queue?.stop().catch(() => {});
    await database.close().catch(() => {});
    await cluster?.stop().catch(() => {});
    throw error;
  }
}
