// Recovery after a crash: who owns the cluster, and stopping a PostgreSQL left behind by a killed Rapport.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";

export type Owner = { pid: number; port: number };

export function readOwner(file: string): Owner | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Owner;
  } catch {
    return null;
  }
}

export function writeOwner(file: string, owner: Owner): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(owner));
  rmSync(file, { force: true });
  writeFileSync(file, JSON.stringify(owner));
  rmSync(`${file}.tmp`, { force: true });
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

/** True when `pid` runs (and, where /proc tells, is a node or postgres process: pids get reused). */
export function processAlive(pid: number, program?: "node" | "postgres"): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const line = commandLine(pid);
  if (line === "" || program === undefined) return true;
  return program === "postgres" ? line.includes("postgres") : /node|rapport|vitest|tsx/.test(line);
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!processAlive(pid, "postgres")) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Stops a postmaster still running on `pgdata` whose Rapport died, and clears a stale pid file. */
export async function stopOrphan(pgdata: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid, "postgres")) {
    rmSync(pidFile, { force: true });
    log.warn("removed a stale postmaster.pid left by a crash");
    return;
  }
  log.warn(
    { postgresPid: pid },
    "stopping the embedded PostgreSQL left running by a previous Rapport",
  );
  for (const [signal, ms] of [
    ["SIGINT", 30_000],
    ["SIGQUIT", 10_000],
    ["SIGKILL", 10_000],
  ] as const) {
    process.kill(pid, signal);
    if (await waitGone(pid, ms)) return;
  }
  throw new Error(`could not stop the PostgreSQL process ${pid} running on ${pgdata}`);
}
