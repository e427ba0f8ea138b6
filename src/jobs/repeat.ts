// A pass of upkeep run again and again on this node: every `intervalMs`, and at once again while a
// pass did something. A failed pass is logged and the next one tries again.
import type { Runtime } from "../runtime.ts";

export type Repeating = { stop(): Promise<void> };

/** Runs `pass` until `stop()`; a pass answering true (it found work) is followed at once by another. */
export function startRepeating(
  rt: Runtime,
  what: string,
  intervalMs: number,
  pass: () => Promise<boolean>,
): Repeating {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      while (!stopped && (await pass())) {}
    } catch (error) {
      // What the pass left is still there: the next pass takes it up.
      rt.log.error({ err: error }, `${what} failed`);
    }
    if (!stopped) timer = setTimeout(() => (running = run()), intervalMs);
  };
  running = run();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
