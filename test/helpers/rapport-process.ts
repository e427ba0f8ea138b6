// The real `rapport start` as a child process, for process tests, benches and scripts: start it, wait
// until healthy, kill it, reach its embedded PostgreSQL, and read its memory from /proc.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export const repositoryRoot = path.resolve(import.meta.dirname, "../..");
const bin = path.join(repositoryRoot, "bin", "rapport.js");

export type RapportProcess = {
  child: ChildProcess;
  pid: number;
  url: string;
  smtpPort: number;
  /** Milliseconds from spawn to a 200 on /healthz. */
  startMs: number;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
};

/** The environment of a fresh desk on `dataDir`: embedded PostgreSQL, free ports, no demo. */
export function rapportEnv(
  dataDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return {
    ...env,
    RAPPORT_DATA_DIR: dataDir,
    PORT: "0",
    SMTP_PORT: "0",
    RAPPORT_DEMO: "0",
    // No DNS traffic from tests: mail authentication is tested in-process with a fake resolver.
    RAPPORT_MAIL_AUTH: "off",
    LOG_LEVEL: "warn",
    DATABASE_URL: "",
    RAPPORT_ADMIN_EMAIL: "",
    RAPPORT_ADMIN_PASSWORD: "",
    ...extra,
  };
}

type RuntimeFile = { pid: number; port: number; smtp_port: number; url: string };

export function readRuntimeFile(dataDir: string): RuntimeFile | null {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as RuntimeFile;
  } catch {
    return null;
  }
}

/**
 * Spawns `rapport start` as the leader of its own process group (its PostgreSQL is in that group
 * too, so the whole desk can be killed at once) and waits for /healthz to answer 200.
 */
export async function startRapport(
  env: Record<string, string>,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<RapportProcess> {
  const dataDir = env.RAPPORT_DATA_DIR as string;
  const timeoutMs = options.timeoutMs ?? 90_000;
  const began = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), bin, "start"], {
    cwd: repositoryRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += d));
  // Logs are kept bounded: a long run at warn level can still say a lot.
  child.stderr?.on("data", (d) => (stderr = (stderr + d).slice(-2_000_000)));
  const exited = new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`rapport start exited ${child.exitCode}: ${stderr}`);
    const runtime = readRuntimeFile(dataDir);
    if (runtime && runtime.pid === child.pid) {
      const health = await fetch(`${runtime.url}/healthz`).catch(() => null);
      if (health?.status === 200) {
        return {
          child,
          pid: child.pid,
          url: runtime.url,
          smtpPort: runtime.smtp_port,
          startMs: performance.now() - began,
          stdout: () => stdout,
          stderr: () => stderr,
          exited,
        };
      }
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`rapport start did not become healthy in ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGKILL: the node process alone (its PostgreSQL is left running, orphaned), or the whole group. */
export async function killRapport(rapport: RapportProcess, scope: "node" | "group"): Promise<void> {
  if (rapport.child.exitCode === null) {
    if (scope === "group") process.kill(-rapport.pid, "SIGKILL");
    else rapport.child.kill("SIGKILL");
  }
  await rapport.exited;
}

/** SIGTERM and wait: the desk finishes what is in flight and stops its PostgreSQL. */
export async function stopRapport(rapport: RapportProcess): Promise<number | null> {
  if (rapport.child.exitCode === null) rapport.child.kill("SIGTERM");
  return rapport.exited;
}

/** A connection string to the embedded cluster of `dataDir` while some Rapport runs it. */
export function embeddedDatabaseUrl(dataDir: string, database = "rapport"): string {
  const credentials = JSON.parse(readFileSync(path.join(dataDir, "postgres.json"), "utf8")) as {
    user: string;
    password: string;
  };
  const owner = JSON.parse(readFileSync(path.join(dataDir, "postgres.owner"), "utf8")) as {
    port: number;
  };
  return `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${owner.port}/${database}`;
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (2nd field) may hold spaces; the fields after its closing paren do not.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** The postmaster running on `dataDir`'s cluster and all its children (backends, workers). */
export function postgresPids(dataDir: string): number[] {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) return [];
  const postmaster = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(postmaster) || parentOf(postmaster) === null) return [];
  const children = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentOf(pid) === postmaster);
  return [postmaster, ...children];
}

export type Memory = { rssBytes: number; pssBytes: number };

/** Resident memory of some processes: RSS counts shared pages in each, PSS shares them out. */
export function memoryOf(pids: number[]): Memory {
  let rssBytes = 0;
  let pssBytes = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rssBytes += 1024 * Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pssBytes += 1024 * Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // The process ended between listing and reading: it holds no memory any more.
    }
  }
  return { rssBytes, pssBytes };
}

/**
 * CPU time (user + system) some processes have used so far, in seconds (Linux: 100 ticks a second);
 * with `reaped`, also that of their children already ended and waited for (initdb, exited backends).
 */
export function cpuSecondsOf(pids: number[], { reaped = false } = {}): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      if (reaped) ticks += Number(fields[13]) + Number(fields[14]);
    } catch {
      // The process ended: its time is not counted.
    }
  }
  return ticks / 100;
}

/**
 * CPU seconds a desk's embedded PostgreSQL has used so far: its live processes, and the backends
 * that already ended (a connection closed when idle), which the postmaster reaped and counts as its
 * children's time. Summing the live processes alone loses those, and can even go backwards.
 */
export function postgresCpuSeconds(dataDir: string): number {
  const [postmaster, ...children] = postgresPids(dataDir);
  if (postmaster === undefined) return 0;
  let reaped = 0;
  try {
    const stat = readFileSync(`/proc/${postmaster}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    reaped = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    // The postmaster ended: nothing more to count.
  }
  return cpuSecondsOf([postmaster, ...children]) + reaped;
}

/** After a test or bench: nothing of this desk keeps running, and its folder (when given) is gone. */
export function removeDesk(dataDir: string, processes: RapportProcess[], folder?: string): void {
  for (const rapport of processes) {
    if (rapport.child.exitCode === null) {
      try {
        process.kill(-rapport.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
  for (const pid of postgresPids(dataDir)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
}
