import { describe, expect, it } from "vitest";
import { groupCommitter, type Settled } from "./group-commit.ts";

/** A writer that records its batches and answers each item with itself doubled. */
function recorder(fail?: (items: number[]) => boolean) {
  const batches: number[][] = [];
  let release: (() => void) | null = null;
  let gate: Promise<void> = Promise.resolve();
  const write = async (items: number[]): Promise<Settled<number>[]> => {
    batches.push(items);
    await gate;
    if (fail?.(items)) throw new Error(`batch ${items.join(",")} failed`);
    return items.map((i) =>
      i < 0 ? { ok: false, error: new Error(`item ${i} refused`) } : { ok: true, value: i * 2 },
    );
  };
  return {
    batches,
    write,
    hold() {
      gate = new Promise((r) => {
        release = r;
      });
    },
    release: () => release?.(),
  };
}

describe("group commit", () => {
  it("writes a lone item at once, then everything that arrived meanwhile as one batch", async () => {
    const r = recorder();
    const committer = groupCommitter(r.write, { maxBatch: 10 });
    r.hold();
    const first = committer.submit(1);
    const rest = [2, 3, 4].map((i) => committer.submit(i));
    r.release();
    expect(await first).toBe(2);
    expect(await Promise.all(rest)).toEqual([4, 6, 8]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it("never puts more than maxBatch items in one batch", async () => {
    const r = recorder();
    const committer = groupCommitter(r.write, { maxBatch: 2 });
    r.hold();
    const all = [1, 2, 3, 4, 5].map((i) => committer.submit(i));
    r.release();
    await Promise.all(all);
    expect(r.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it("gives an item its own error without failing the others of its batch", async () => {
    const r = recorder();
    const committer = groupCommitter(r.write, { maxBatch: 10 });
    r.hold();
    const first = committer.submit(1);
    const good = committer.submit(2);
    const bad = committer.submit(-1);
    r.release();
    await first;
    expect(await good).toBe(4);
    await expect(bad).rejects.toThrow("item -1 refused");
  });

  it("tries each item alone when a whole batch fails, so one bad item fails alone", async () => {
    const r = recorder((items) => items.includes(7));
    const committer = groupCommitter(r.write, { maxBatch: 10 });
    r.hold();
    const first = committer.submit(1);
    const others = [5, 7, 9].map((i) => committer.submit(i).catch((e: Error) => e.message));
    r.release();
    await first;
    expect(await Promise.all(others)).toEqual([10, "batch 7 failed", 18]);
    expect(r.batches).toEqual([[1], [5, 7, 9], [5], [7], [9]]);
  });

  it("keeps one queue per key: another workspace's batch is not mixed in", async () => {
    const r = recorder();
    const committer = groupCommitter(r.write, { maxBatch: 10, keyOf: (i) => String(i % 2) });
    r.hold();
    const all = [1, 2, 3, 4, 5, 6].map((i) => committer.submit(i));
    r.release();
    await Promise.all(all);
    for (const batch of r.batches) expect(new Set(batch.map((i) => i % 2)).size).toBe(1);
    expect(r.batches.flat().sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
