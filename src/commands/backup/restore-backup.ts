// `rapport restore FILE`: a backup put back into a freshly made desk with the same migrations. The
// rows the first start wrote (workspace, brand, secret) are replaced by the backup's, in one
// transaction; stored files are written (and fsynced) before it commits.
import { mkdir, open, rename } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { type Entry, open as openZip, type ZipFile } from "yauzl";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import type { Tx } from "../../store/database.ts";
import { appliedMigrations, backupFormat, storedTables, writableColumns } from "./tables.ts";
import type { BackupManifest } from "./write-backup.ts";

export type RestoreSummary = { tables: number; rows: number; files: number };

const batch = 1000;
const blobKey = /^(raw|attachment)\/\d{4}\/\d{2}\/[a-z0-9]{26}(\.[a-z0-9]{1,10})?$/;

const zipOf = (file: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    openZip(file, { lazyEntries: true, autoClose: true }, (error, zip) =>
      error || !zip ? reject(error) : resolve(zip),
    ),
  );

const streamOf = (zip: ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) =>
      error || !stream ? reject(error) : resolve(stream),
    ),
  );

/** Calls `visit` on each entry in turn; the next is read only once `visit` is done with this one. */
async function eachEntry(file: string, visit: (entry: Entry, zip: ZipFile) => Promise<void>) {
  const zip = await zipOf(file);
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: Entry) =>
      visit(entry, zip).then(
        () => zip.readEntry(),
        (error) => {
          zip.close();
          reject(error);
        },
      ),
    );
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
}

/** The backup's manifest, checked: a file that is not a Rapport backup is refused before anything. */
export async function readManifest(file: string): Promise<BackupManifest> {
  let manifest: BackupManifest | null = null;
  await eachEntry(file, async (entry, zip) => {
    if (entry.fileName !== "manifest.json") return;
    const chunks: Buffer[] = [];
    for await (const c of await streamOf(zip, entry)) chunks.push(c as Buffer);
    manifest = JSON.parse(Buffer.concat(chunks).toString("utf8")) as BackupManifest;
  }).catch((error: Error) => {
    throw new DeskError("invalid_input", `${file} is not a readable backup: ${error.message}`);
  });
  const found = manifest as BackupManifest | null;
  if (!found || found.format !== backupFormat) {
    throw new DeskError(
      "invalid_input",
      `${file} is not a Rapport backup (no ${backupFormat} manifest)`,
    );
  }
  return found;
}

async function insertRows(tx: Tx, target: string, columns: string[], rows: string[]) {
  if (rows.length === 0) return;
  const list = sql.raw(columns.join(", "));
  await tx.execute(sql`
    insert into ${sql.raw(target)} (${list})
    select ${list} from jsonb_populate_recordset(null::${sql.raw(target)}, ${`[${rows.join(",")}]`}::jsonb)`);
}

async function writeBlob(root: string, key: string, stream: Readable) {
  if (!blobKey.test(key)) throw new DeskError("invalid_input", `not a stored file: ${key}`);
  const file = path.join(root, key);
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(`${file}.tmp`, "w", 0o600);
  try {
    for await (const chunk of stream) await handle.write(chunk as Buffer);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(`${file}.tmp`, file);
}

export async function restoreBackup(rt: Runtime, file: string): Promise<RestoreSummary> {
  const manifest = await readManifest(file);
  const ours = await appliedMigrations(rt.db);
  if (JSON.stringify(ours) !== JSON.stringify(manifest.migrations)) {
    throw new DeskError(
      "conflict",
      `this backup was made by a Rapport with other migrations (${manifest.migrations.length} against ${ours.length} here): restore it with the version that made it`,
    );
  }
  const targets = new Map(manifest.tables.map((t) => [t.source, t.target]));
  const blobRoot = path.join(rt.config.dataDir, "blobs");
  const summary: RestoreSummary = { tables: 0, rows: 0, files: 0 };
  await rt.db.transaction(async (tx) => {
    // The backup's rows replace those of the first start; its keys held when it was taken.
    await tx.execute(sql`set local session_replication_role = replica`);
    const present = [...new Set((await storedTables(tx)).map((t) => t.target))];
    await tx.execute(sql.raw(`truncate ${present.join(", ")}`));
    const columns = new Map<string, string[]>();
    await eachEntry(file, async (entry, zip) => {
      if (entry.fileName.startsWith("blobs/")) {
        await writeBlob(
          blobRoot,
          entry.fileName.slice("blobs/".length),
          await streamOf(zip, entry),
        );
        summary.files++;
        return;
      }
      const source = /^tables\/(.+)\.jsonl$/.exec(entry.fileName)?.[1];
      if (!source) return;
      const target = targets.get(source);
      if (!target || !present.includes(target)) {
        throw new DeskError("invalid_input", `the backup names an unknown table: ${source}`);
      }
      if (!columns.has(target)) columns.set(target, await writableColumns(tx, target));
      const lines = createInterface({ input: await streamOf(zip, entry), crlfDelay: Infinity });
      let rows: string[] = [];
      for await (const line of lines) {
        if (line.length === 0) continue;
        rows.push(line);
        if (rows.length >= batch) {
          await insertRows(tx, target, columns.get(target) ?? [], rows);
          summary.rows += rows.length;
          rows = [];
        }
      }
      await insertRows(tx, target, columns.get(target) ?? [], rows);
      summary.rows += rows.length;
      summary.tables++;
    });
    const expected = manifest.tables.reduce((n, t) => n + t.rows, 0);
    if (summary.rows !== expected || summary.files !== manifest.files) {
      throw new DeskError(
        "invalid_input",
        `the backup is incomplete: ${summary.rows} rows and ${summary.files} files read, the manifest says ${expected} and ${manifest.files}`,
      );
    }
  });
  return summary;
}
