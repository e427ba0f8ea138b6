import { describe, expect, it, vi } from "vitest";
import type { Db } from "../store/database.ts";
import type { Hub } from "./hub.ts";
import { openStream, type StreamSink } from "./stream-session.ts";

/** A hub with nobody else on it: subscriptions are ready at once and nothing is ever told. */
const quietHub = {
  subscribe: () => Object.assign(() => {}, { ready: Promise.resolve() }),
  onSignal: () => () => {},
  keepOnline: () => () => {},
} as unknown as Hub;

function memorySink(): StreamSink & { chunks: string[]; ended: boolean } {
  const sink = {
    chunks: [] as string[],
    ended: false,
    write: (chunk: string) => {
      sink.chunks.push(chunk);
      return true;
    },
    buffered: () => 0,
    drained: () => Promise.resolve(),
    end: () => {
      sink.ended = true;
    },
  };
  return sink;
}

const log = { info: () => {}, error: () => {} };

describe("an open event stream", () => {
  it("beats while its credential holds, and ends at the first beat after it is revoked", async () => {
    vi.useFakeTimers();
    try {
      let allowed = true;
      const sink = memorySink();
      const stream = openStream(
        {
          hub: quietHub,
          db: {} as Db,
          log,
          workspaceId: "w",
          userId: null,
          heartbeatMs: 1_000,
          stillAllowed: async () => allowed,
        },
        sink,
      );
      await vi.advanceTimersByTimeAsync(2_100);
      expect(sink.chunks.filter((c) => c.includes("heartbeat"))).toHaveLength(2);
      expect(sink.ended).toBe(false);
      allowed = false;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sink.ended).toBe(true);
      await stream.ended;
      expect(sink.chunks.filter((c) => c.includes("heartbeat"))).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
