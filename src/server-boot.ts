// The first step of `rapport start`: claim the data folder, then boot (embedded cluster, migrations,
// job queue). Light on imports, so the start runs it while it loads the HTTP and SMTP stacks.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Booted, boot } from "./boot.ts";
import type { Config } from "./config.ts";
import type { DnsLookup } from "./runtime.ts";
import { processAlive } from "./store/embedded/stale.ts";

export type RuntimeFile = {
  pid: number;
  port: number;
  smtp_port: number;
  url: string;
  started_at: string;
};

export type ServerBootOptions = { fsync?: boolean; dns?: DnsLookup };

const runtimeFile = (config: Config) => path.join(config.dataDir, "runtime.json");

function claimDataDir(config: Config): void {
  mkdirSync(config.dataDir, { recursive: true });
  const file = runtimeFile(config);
  if (!existsSync(file)) return;
  const previous = JSON.parse(readFileSync(file, "utf8")) as RuntimeFile;
  if (previous.pid !== process.pid && processAlive(previous.pid, "node")) {
    throw new Error(
      `Rapport is already running on ${config.dataDir} (pid ${previous.pid}, ${previous.url}). ` +
        "Stop it first, or choose another RAPPORT_DATA_DIR.",
    );
  }
}

export function writeRuntimeFile(config: Config, content: RuntimeFile): void {
  const file = runtimeFile(config);
  writeFileSync(`${file}.tmp`, JSON.stringify(content, null, 2));
  renameSync(`${file}.tmp`, file);
}

/** Claims the data folder (refusing one a live Rapport holds) and boots the desk that owns it. */
export async function bootServer(config: Config, options: ServerBootOptions = {}): Promise<Booted> {
  claimDataDir(config);
  return boot(config, { mode: "own", fsync: options.fsync ?? true, dns: options.dns });
}
