// `rapport backup FILE` and `rapport restore FILE [--force]`: the whole desk (database and stored
// files) to one file and back. A backup may be taken while the desk runs; a restore makes a new
// desk in an empty data folder, with the embedded database.
import { existsSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { boot } from "../boot.ts";
import { readManifest, restoreBackup } from "../commands/backup/restore-backup.ts";
import { writeBackup } from "../commands/backup/write-backup.ts";
import { loadConfig } from "../config.ts";
import { DeskError } from "../errors.ts";
import { runningClusterUrl } from "../store/embedded/cluster.ts";
import { UsageError } from "./run-command.ts";

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export async function backupCommand(file: string): Promise<void> {
  const target = path.resolve(file);
  const booted = await boot(loadConfig(), { mode: "attach" });
  try {
    const done = await writeBackup(booted.rt, target);
    print(
      `backup written to ${done.file}: ${done.rows} rows of ${done.tables} tables, ${done.files} files`,
    );
  } finally {
    await booted.close();
  }
}

export async function restoreCommand(file: string, options: { force?: boolean }): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new UsageError(
      "restore makes a new desk with the embedded database: unset DATABASE_URL (for a server, use its own tools)",
    );
  }
  const source = path.resolve(file);
  if (!existsSync(source)) throw new UsageError(`no such file: ${file}`);
  await readManifest(source); // a file that is no backup is refused before anything is touched
  if (runningClusterUrl(config.dataDir)) {
    throw new DeskError("conflict", `a Rapport is running on ${config.dataDir}: stop it first`);
  }
  const held = existsSync(config.dataDir) ? readdirSync(config.dataDir) : [];
  if (held.length > 0) {
    if (!options.force) {
      throw new DeskError(
        "conflict",
        `${config.dataDir} is not empty: restore into an empty data folder, or pass --force to replace what it holds`,
      );
    }
    for (const name of held)
      await rm(path.join(config.dataDir, name), { recursive: true, force: true });
  }
  const booted = await boot(config, { mode: "attach" });
  try {
    const done = await restoreBackup(booted.rt, source);
    print(
      `restored ${done.rows} rows of ${done.tables} tables and ${done.files} files into ${config.dataDir}`,
    );
  } finally {
    await booted.close();
  }
}
