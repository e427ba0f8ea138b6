// The default blob store: files in a folder, written to a temporary name, fsynced, then renamed.
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { BlobStore } from "./blob-store.ts";

const safeKey = /^(raw|attachment)\/\d{4}\/\d{2}\/[a-z0-9]{26}(\.[a-z0-9]{1,10})?$/;

async function syncFolderNow(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  await handle.sync().finally(() => handle.close());
}

/**
 * Makes renamed files durable by syncing their folder, once for all the renames that came while
 * another sync of that folder ran: blobs written together (a batch of mails) share their syncs.
 */
export function sharedFolderSyncs(sync = syncFolderNow) {
  const syncing = new Map<string, { running: Promise<void>; next: Promise<void> | null }>();
  const start = (folder: string): Promise<void> => {
    const running = sync(folder);
    const state = { running, next: null as Promise<void> | null };
    syncing.set(folder, state);
    const done = () => {
      if (syncing.get(folder) === state && state.next === null) syncing.delete(folder);
    };
    running.then(done, done);
    return running;
  };
  return (folder: string): Promise<void> => {
    const current = syncing.get(folder);
    if (!current) return start(folder);
    // A sync already running may have begun before this rename: the next one covers it.
    current.next ??= current.running.then(
      () => start(folder),
      () => start(folder),
    );
    return current.next;
  };
}

export function folderBlobStore(root: string, now: () => Date = () => new Date()): BlobStore {
  const syncFolder = sharedFolderSyncs();
  const resolve = (key: string) => {
    if (!safeKey.test(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
    return path.join(root, key);
  };
  // Month folders already made: one mkdir per month, not one per blob.
  const made = new Set<string>();
  return {
    async put(bytes, hint) {
      const d = now();
      const month = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
      const name = randomBytes(16).toString("hex").slice(0, 26);
      const ext =
        hint.extension && /^[a-z0-9]{1,10}$/i.test(hint.extension)
          ? `.${hint.extension.toLowerCase()}`
          : "";
      const key = `${hint.kind}/${month}/${name}${ext}`;
      const file = resolve(key);
      const folder = path.dirname(file);
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      const temporary = `${file}.tmp`;
      const handle = await open(temporary, "wx", 0o600).catch(async (error) => {
        // The folder went away since it was made (removed by hand, say): make it again.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        await mkdir(folder, { recursive: true });
        return open(temporary, "wx", 0o600);
      });
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
      await syncFolder(folder);
      return key;
    },
    get: (key) => readFile(resolve(key)),
    delete: (key) => rm(resolve(key), { force: true }),
  };
}
