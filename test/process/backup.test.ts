// `rapport backup` while the desk runs on its embedded database, and `rapport restore` into a fresh
// data folder: every table holds as many rows, every stored file is back, the restored desk starts;
// a data folder that holds something is not overwritten unless asked.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot } from "../../src/boot.ts";
import { readManifest } from "../../src/commands/backup/restore-backup.ts";
import { storedTables } from "../../src/commands/backup/tables.ts";
import { blobFiles } from "../../src/commands/backup/write-backup.ts";
import { loadConfig } from "../../src/config.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/database.ts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "bin", "rapport.js");
const scratch = mkdtempSync(path.join(tmpdir(), "rapport-backup-"));
const original = path.join(scratch, "original");
const restored = path.join(scratch, "restored");
const file = path.join(scratch, "desk.zip");

const env = (dataDir: string) => ({
  ...process.env,
  RAPPORT_DATA_DIR: dataDir,
  PORT: "0",
  SMTP_PORT: "0",
  DATABASE_URL: "",
  LOG_LEVEL: "warn",
  RAPPORT_ADMIN_EMAIL: "",
  RAPPORT_ADMIN_PASSWORD: "",
});

const rapport = (dataDir: string, ...args: string[]) =>
  run(process.execPath, [bin, ...args], { cwd: root, env: env(dataDir) }).then(
    (out) => ({ code: 0, ...out }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

/** Rows per stored table, and the stored files. */
async function inventory(db: Db, dataDir: string) {
  const counts: Record<string, number> = {};
  for (const t of await storedTables(db)) {
    const [row] = (
      await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(t.source)}`)
    ).rows;
    counts[t.target] = (counts[t.target] ?? 0) + (row?.n ?? 0);
  }
  return { counts, files: await blobFiles(path.join(dataDir, "blobs")) };
}

let before: Awaited<ReturnType<typeof inventory>>;
let attachment = "";

beforeAll(async () => {
  const running = await startServer(
    loadConfig({ ...env(original), RAPPORT_DEMO: "1" } as Record<string, string>),
  );
  try {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: running.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    for (const n of [1, 2]) {
      await transport.sendMail({
        from: `Inès Blanc <ines${n}@example.fr>`,
        to: "support@rapport.localhost",
        subject: `Invoice ${n}`,
        text: "Please find my invoice attached.",
        attachments: [{ filename: `invoice-${n}.txt`, content: `invoice number ${n}` }],
      });
    }
    const backup = await rapport(original, "backup", file);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /^backup written to .*desk\.zip: \d+ rows of \d+ tables, \d+ files$/m,
    );
    before = await inventory(running.booted.rt.db, original);
    attachment = before.files.find((f) => f.startsWith("attachment/")) ?? "";
  } finally {
    await running.stop();
  }
}, 480_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("backup and restore of the embedded desk", () => {
  it("restores into a fresh data folder every row of every table and every stored file", async () => {
    expect(before.counts["public.conversations"]).toBeGreaterThan(2);
    expect(before.files.length).toBeGreaterThanOrEqual(4); // two raw mails, two attachments
    const restore = await rapport(restored, "restore", file);
    expect(restore.code, restore.stderr).toBe(0);
    const booted = await boot(loadConfig(env(restored) as Record<string, string>), {
      mode: "attach",
    });
    try {
      const after = await inventory(booted.rt.db, restored);
      // Exactly the snapshot the backup names (the running desk's sweeps may have written since)…
      const manifest = await readManifest(file);
      const snapshot: Record<string, number> = {};
      for (const t of manifest.tables) snapshot[t.target] = (snapshot[t.target] ?? 0) + t.rows;
      expect(after.counts).toEqual(snapshot);
      expect(after.files).toEqual(before.files);
      // …whose rows name only files that are back.
      const named = await booted.rt.db.execute<{ key: string }>(sql`
        select raw_blob_key as key from messages where raw_blob_key is not null
        union all select blob_key from attachments`);
      expect(named.rows.length).toBeGreaterThanOrEqual(4);
      for (const { key } of named.rows) expect(after.files).toContain(key);
      // …and the desk's own records are all there.
      for (const table of ["customers", "conversations", "messages", "attachments", "users"]) {
        expect(after.counts[`public.${table}`], table).toBe(before.counts[`public.${table}`]);
      }
      expect(readFileSync(path.join(restored, "blobs", attachment), "utf8")).toMatch(
        /^invoice number [12]$/,
      );
    } finally {
      await booted.close();
    }
  });

  it("refuses to overwrite a data folder that holds something, unless asked", async () => {
    const refused = await rapport(restored, "restore", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /is not empty: restore into an empty data folder, or pass --force/,
    );
    const forced = await rapport(restored, "restore", file, "--force");
    expect(forced.code, forced.stderr).toBe(0);
  });

  it("refuses a file that is not a backup, touching nothing", async () => {
    const bogus = path.join(scratch, "bogus.zip");
    writeFileSync(bogus, "not a zip");
    const empty = path.join(scratch, "empty");
    const refused = await rapport(empty, "restore", bogus);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not a readable backup/);
  });
});
