// `rapport backup FILE`: the whole desk in one ZIP — every table read in one repeatable-read
// snapshot (one JSON line per row) and the stored files (raw mails, attachments). Files are written
// and fsynced before the row that names them commits, so every file the snapshot's rows name is on
// disk when the snapshot is taken; the folder is read after it. The archive streams to FILE.tmp,
// fsynced, then renamed: a crash never leaves a half backup under FILE.
import { createWriteStream } from "node:fs";
import { open, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { ZipFile } from "yazl";
import type { Runtime } from "../../runtime.ts";
import type { Tx } from "../../store/database.ts";
import { appliedMigrations, backupFormat, storedTables } from "./tables.ts";

export type BackupSummary = { file: string; tables: number; rows: number; files: number };

export type BackupManifest = {
  format: typeof backupFormat;
  created_at: string;
  migrations: string[];
  tables: Array<{ source: string; target: string; rows: number }>;
  files: number;
};

const page = 2000;

/** A table's rows in physical order, a page at a time; ctids are stable within the snapshot. */
async function* rowsOf(tx: Tx, source: string, counted: { rows: number }) {
  let after = "(0,0)";
  for (;;) {
    const rows = await tx.execute<{ at: string; row: string }>(sql`
      select ctid::text as at, to_jsonb(t)::text as row from ${sql.raw(source)} t
      where ctid > ${after}::tid order by ctid limit ${page}`);
    for (const r of rows.rows) yield `${r.row}\n`;
    counted.rows += rows.rows.length;
    const last = rows.rows.at(-1);
    if (!last || rows.rows.length < page) return;
    after = last.at;
  }
}

/** The stored files under `root`, as blob keys (`raw/2026/12/…`); half-written ones left out. */
export async function blobFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith(".tmp"))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export async function writeBackup(rt: Runtime, file: string): Promise<BackupSummary> {
  const temporary = `${file}.tmp`;
  const blobRoot = path.join(rt.config.dataDir, "blobs");
  try {
    const summary = await rt.db.transaction(
      async (tx) => {
        const tables = await storedTables(tx);
        const migrations = await appliedMigrations(tx);
        const counts = tables.map((t) => ({ ...t, rows: 0 }));
        const zip = new ZipFile();
        const written = finished(zip.outputStream.pipe(createWriteStream(temporary)));
        for (const t of counts) {
          zip.addReadStreamLazy(`tables/${t.source}.jsonl`, (cb) =>
            cb(null, Readable.from(rowsOf(tx, t.source, t))),
          );
        }
        const files = await blobFiles(blobRoot);
        for (const key of files) zip.addFile(path.join(blobRoot, key), `blobs/${key}`);
        // Last, once every table was read: the counts a restore checks.
        zip.addReadStreamLazy("manifest.json", (cb) => {
          const manifest: BackupManifest = {
            format: backupFormat,
            created_at: rt.now().toISOString(),
            migrations,
            tables: counts,
            files: files.length,
          };
          cb(null, Readable.from([JSON.stringify(manifest, null, 2)]));
        });
        zip.end();
        const failed = new Promise<never>((_, reject) => zip.on("error", reject));
        await Promise.race([written, failed]);
        return {
          file,
          tables: counts.length,
          rows: counts.reduce((n, t) => n + t.rows, 0),
          files: files.length,
        };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    const handle = await open(temporary, "r");
    await handle.sync().finally(() => handle.close());
    await rename(temporary, file);
    return summary;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
