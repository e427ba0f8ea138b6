// The folder blob store: blobs written together share their folder syncs, and each is durable only
// after a sync that began once it was renamed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { folderBlobStore, sharedFolderSyncs } from "./folder-blob-store.ts";

/** A folder sync that finishes when the test says so, counting the syncs asked for. */
function heldSyncs() {
  const started: Array<{ folder: string; finish(): void }> = [];
  const sync = (folder: string) =>
    new Promise<void>((resolve) => started.push({ folder, finish: resolve }));
  return { started, sync };
}

const settled = async <T>(promise: Promise<T>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe("folder syncs shared by blobs written together", () => {
  it("never answers a rename with a sync that began before it", async () => {
    const held = heldSyncs();
    const syncFolder = sharedFolderSyncs(held.sync);
    const first = syncFolder("a");
    const second = syncFolder("a");
    expect(held.started).toHaveLength(1);
    held.started[0]?.finish();
    expect(await settled(first)).toBe(true);
    // The second rename came while the first sync ran: it waits for a sync of its own.
    expect(await settled(second)).toBe(false);
    expect(held.started).toHaveLength(2);
    held.started[1]?.finish();
    expect(await settled(second)).toBe(true);
  });

  it("serves every rename that came during one sync with a single next sync", async () => {
    const held = heldSyncs();
    const syncFolder = sharedFolderSyncs(held.sync);
    const first = syncFolder("a");
    const waiting = Array.from({ length: 10 }, () => syncFolder("a"));
    const other = syncFolder("b");
    held.started[0]?.finish();
    await first;
    expect(held.started.map((s) => s.folder)).toEqual(["a", "b", "a"]);
    held.started[2]?.finish();
    held.started[1]?.finish();
    await Promise.all([...waiting, other]);
    expect(held.started).toHaveLength(3);
    // Nothing running: the next rename starts a sync at once.
    void syncFolder("a");
    expect(held.started).toHaveLength(4);
  });
});

describe("the folder blob store", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it("keeps every blob of many written at once, each under its own key", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "rapport-blobs-"));
    roots.push(root);
    const blobs = folderBlobStore(root);
    const bodies = Array.from({ length: 40 }, (_, i) => Buffer.from(`mail ${i}`));
    const keys = await Promise.all(
      bodies.map((b) => blobs.put(b, { kind: "raw", extension: "eml" })),
    );
    expect(new Set(keys).size).toBe(40);
    const read = await Promise.all(keys.map((k) => blobs.get(k)));
    expect(read.map((b) => b.toString())).toEqual(bodies.map((b) => b.toString()));
  });
});
