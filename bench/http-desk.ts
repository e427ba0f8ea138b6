// What the read benchmarks share: the Rapport serving a seeded desk (reused when running, else
// started), a manager's token for it, timed GETs reading Server-Timing, and percentiles.
import { spawnSync } from "node:child_process";
import path from "node:path";
import {
  type RapportProcess,
  rapportEnv,
  readRuntimeFile,
  repositoryRoot,
  startRapport,
} from "../test/helpers/rapport-process.ts";

export type Sample = { wall: number; server: number };

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};

/** The Rapport of `dataDir` (or DATABASE_URL): the one running, else one started for the bench. */
export async function openDesk(
  dataDir: string,
): Promise<{ url: string; pid: number; started: RapportProcess | null }> {
  const running = readRuntimeFile(dataDir);
  if (running) {
    const health = await fetch(`${running.url}/healthz`).catch(() => null);
    if (health?.status === 200) return { url: running.url, pid: running.pid, started: null };
  }
  const env = rapportEnv(dataDir, {
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    LOG_LEVEL: "warn",
  });
  const started = await startRapport(env, { timeoutMs: 180_000 });
  return { url: started.url, pid: started.pid, started };
}

/** A manager's API token, made with the CLI on the same desk. */
export function createToken(dataDir: string, name: string): string {
  const made = spawnSync(
    process.execPath,
    [
      path.join(repositoryRoot, "bin", "rapport.js"),
      "token",
      "create",
      "--name",
      name,
      "--role",
      "manager",
    ],
    {
      cwd: repositoryRoot,
      env: { ...process.env, RAPPORT_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      encoding: "utf8",
    },
  );
  const token = made.stdout.trim().split("\n").at(-1);
  if (made.status !== 0 || !token) throw new Error(`token create failed: ${made.stderr}`);
  return token;
}

/** A GET with the token: its JSON body and its wall and server (Server-Timing) times. */
export function getter(url: string, token: string) {
  return async (pathAndQuery: string) => {
    const began = performance.now();
    const answer = await fetch(`${url}${pathAndQuery}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await answer.json()) as Record<string, unknown>;
    const wall = performance.now() - began;
    if (answer.status !== 200)
      throw new Error(`${pathAndQuery}: ${answer.status} ${JSON.stringify(body)}`);
    const server = Number(/dur=([\d.]+)/.exec(answer.headers.get("server-timing") ?? "")?.[1]);
    return { body, sample: { wall, server } as Sample };
  };
}
