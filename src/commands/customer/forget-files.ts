// After an erasure commits: the stored bytes (raw mails, attachments) and the outbox's copies of the
// mails sent about erased rows are deleted. Rows go first, files after: a crash in between leaves an
// orphan file, never a row without its bytes; the next erasure of the same rows finds no key left.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Runtime } from "../../runtime.ts";
import type { ErasedFiles } from "./erasure.ts";

export async function forgetFiles(rt: Runtime, files: ErasedFiles): Promise<void> {
  for (const key of files.blobKeys) await rt.blobs.delete(key);
  if (files.outboxNames.length === 0) return;
  // The outbox names each mail `<time>-<name>.eml` (docs/CONTRACT.md §5).
  const outbox = path.join(rt.config.dataDir, "outbox");
  const names = new Set(files.outboxNames);
  const present = await readdir(outbox).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  for (const file of present) {
    const name = /^[0-9TZ]+-(.+)\.eml$/.exec(file)?.[1];
    if (name && names.has(name)) await rm(path.join(outbox, file), { force: true });
  }
}
