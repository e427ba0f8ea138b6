// Group commit: what arrives while a batch is being written waits for the next one, so one
// transaction (and one WAL flush) serves many messages under load, and a lone message waits for nobody.

/** What a batch gives back for each of its items, in order: a result, or the error of that item alone. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

export type GroupCommitter<I, O> = {
  /** Resolves once the batch holding `item` committed (or rejects with that item's error). */
  submit(item: I): Promise<O>;
};

type Waiting<I, O> = { item: I; resolve(value: O): void; reject(error: unknown): void };

/**
 * `write` stores a batch in one transaction and settles each item. When it throws, the whole batch
 * failed: each item is then tried alone, so that one bad message cannot fail the others with it.
 * Batches run one after the other per key (`keyOf`, the workspace), never two at once.
 */
export function groupCommitter<I, O>(
  write: (items: I[]) => Promise<Settled<O>[]>,
  options: {
    maxBatch: number;
    keyOf?: (item: I) => string;
    /**
     * Before a batch is cut short of maxBatch: resolves when the items still on their way (being
     * read by their channel) have arrived or waited long enough. Larger batches, fewer commits.
     */
    gather?: () => Promise<void>;
  },
): GroupCommitter<I, O> {
  const queues = new Map<string, Waiting<I, O>[]>();
  const running = new Set<string>();

  const settle = (batch: Waiting<I, O>[], results: Settled<O>[]) => {
    batch.forEach((w, i) => {
      const r = results[i];
      if (!r) w.reject(new Error("the batch gave no result for this item"));
      else if (r.ok) w.resolve(r.value);
      else w.reject(r.error);
    });
  };

  const writeBatch = async (batch: Waiting<I, O>[]) => {
    try {
      settle(batch, await write(batch.map((w) => w.item)));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const w of batch) {
        try {
          settle([w], await write([w.item]));
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  };

  const drain = async (key: string) => {
    running.add(key);
    try {
      for (;;) {
        const queue = queues.get(key);
        if (!queue || queue.length === 0) break;
        if (queue.length < options.maxBatch && options.gather) await options.gather();
        await writeBatch(queue.splice(0, options.maxBatch));
      }
    } finally {
      running.delete(key);
      queues.delete(key);
    }
  };

  return {
    submit(item) {
      const key = options.keyOf?.(item) ?? "";
      return new Promise<O>((resolve, reject) => {
        const queue = queues.get(key) ?? [];
        queue.push({ item, resolve, reject });
        queues.set(key, queue);
        if (!running.has(key)) void drain(key);
      });
    },
  };
}
