// The embedded PostgreSQL: a real cluster in the data folder, started and stopped by Rapport.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import type { Logger } from "pino";
import { findBinaries } from "./binaries.ts";
import { ClusterError, clusterUser, ensureReachable, type RunAs } from "./run-as.ts";
import { processAlive, readOwner, stopOrphan, writeOwner } from "./stale.ts";

export type Cluster = { url: string; port: number; stop(): Promise<void> };
type Credentials = { user: string; password: string; major: number };

const database = "rapport";

function paths(dataDir: string) {
  return {
    pgdata: path.join(dataDir, "postgres"),
    credentials: path.join(dataDir, "postgres.json"),
    owner: path.join(dataDir, "postgres.owner"),
  };
}

function urlFor(c: Credentials, port: number, db = database): string {
  return `postgres://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${db}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function run(cmd: string, args: string[], runAs: RunAs, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], ...(runAs ?? {}) });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(output)
        : reject(new ClusterError(`${path.basename(cmd)} failed:\n${output}`)),
    );
  });
}

async function initialise(dataDir: string, runAs: RunAs, major: number, initdb: string) {
  const { pgdata, credentials } = paths(dataDir);
  // initdb works in a scratch folder renamed at the end, so a crash never leaves half a cluster.
  const scratch = `${pgdata}.init`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { mode: 0o700 });
  const secret: Credentials = { user: "rapport", password: randomBytes(24).toString("hex"), major };
  const pwfile = path.join(scratch, "..", ".postgres-password");
  writeFileSync(pwfile, `${secret.password}\n`, { mode: 0o600 });
  if (runAs) {
    chownSync(scratch, runAs.uid, runAs.gid);
    chownSync(pwfile, runAs.uid, runAs.gid);
  }
  try {
    const args = [
      "-D",
      scratch,
      "-U",
      secret.user,
      `--pwfile=${pwfile}`,
      "-E",
      "UTF8",
      "--no-locale",
    ];
    // On Linux one syncfs of the file system makes the new cluster durable, rather than an fsync
    // of each of its thousand files: the longest wait of a first start.
    const sync = process.platform === "linux" ? ["--sync-method=syncfs"] : [];
    await run(initdb, [...args, ...sync, "--auth=scram-sha-256"], runAs, scratch);
  } finally {
    rmSync(pwfile, { force: true });
  }
  writeFileSync(credentials, JSON.stringify(secret), { mode: 0o600 });
  renameSync(scratch, pgdata);
  return secret;
}

function readCredentials(dataDir: string): Credentials {
  const { credentials, pgdata } = paths(dataDir);
  if (!existsSync(credentials)) {
    throw new ClusterError(
      `${pgdata} holds a cluster but ${credentials} is missing: cannot log in to it`,
    );
  }
  return JSON.parse(readFileSync(credentials, "utf8")) as Credentials;
}

async function waitReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new ClusterError(`PostgreSQL exited at start:\n${stderr()}`);
    const client = new pg.Client({ connectionString: url.replace(/\/rapport$/, "/postgres") });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline)
        throw new ClusterError(`PostgreSQL did not accept connections: ${error}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function ensureDatabase(c: Credentials, port: number, name: string) {
  const client = new pg.Client({ connectionString: urlFor(c, port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

export type StartOptions = { dataDir: string; log: Logger; fsync?: boolean };

/** Starts the cluster of `dataDir` (creating it on first use); refuses a folder another process runs. */
export async function startCluster({ dataDir, log, fsync = true }: StartOptions): Promise<Cluster> {
  const binaries = findBinaries();
  const runAs = clusterUser();
  mkdirSync(dataDir, { recursive: true });
  ensureReachable(binaries.binDir, runAs, log);
  ensureReachable(path.join(dataDir, "postgres"), runAs, log);
  const { pgdata, owner } = paths(dataDir);

  const previous = readOwner(owner);
  if (previous && previous.pid !== process.pid && processAlive(previous.pid)) {
    throw new ClusterError(`the data folder ${dataDir} is in use by process ${previous.pid}`);
  }
  await stopOrphan(pgdata, log);

  const fresh = !existsSync(path.join(pgdata, "PG_VERSION"));
  const credentials = fresh
    ? await initialise(dataDir, runAs, binaries.major, binaries.initdb)
    : readCredentials(dataDir);
  if (fresh) log.info({ pgdata }, "embedded PostgreSQL initialised");
  const major = Number(readFileSync(path.join(pgdata, "PG_VERSION"), "utf8").trim());
  if (major !== binaries.major) {
    throw new ClusterError(
      `the database in ${pgdata} was made by PostgreSQL ${major}, but this Rapport ships PostgreSQL ` +
        `${binaries.major}. Start it with the Rapport version that made it, or export and re-import.`,
    );
  }

  const port = await freePort();
  const settings = [
    "-D",
    pgdata,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    `fsync=${fsync ? "on" : "off"}`,
    "-c",
    `synchronous_commit=${fsync ? "on" : "off"}`,
    "-c",
    `full_page_writes=${fsync ? "on" : "off"}`,
    "-c",
    "max_connections=200",
  ];
  const child = spawn(binaries.postgres, settings, {
    cwd: pgdata,
    stdio: ["ignore", "ignore", "pipe"],
    ...(runAs ?? {}),
  });
  let tail = "";
  child.stderr?.on("data", (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
  });
  const url = urlFor(credentials, port);
  await waitReady(url, child, () => tail);
  await ensureDatabase(credentials, port, database);
  writeOwner(owner, { pid: process.pid, port });
  log.info({ port, fsync }, "embedded PostgreSQL started");

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    port,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGINT"); // fast shutdown: rolls back open transactions, checkpoints, exits
        const timer = setTimeout(() => child.kill("SIGQUIT"), 30_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(owner, { force: true });
      log.info("embedded PostgreSQL stopped");
    },
  };
}

/** The address of the cluster another Rapport process runs on `dataDir`, or null when none runs. */
export function runningClusterUrl(dataDir: string, db = database): string | null {
  const { owner } = paths(dataDir);
  const current = readOwner(owner);
  if (!current || !processAlive(current.pid)) return null;
  return urlFor(readCredentials(dataDir), current.port, db);
}

/** A URL on the same cluster for another database name (tests clone databases this way). */
export function clusterUrlFor(cluster: Cluster, db: string): string {
  return cluster.url.replace(/\/rapport$/, `/${db}`);
}
