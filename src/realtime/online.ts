// Who has an open console stream, on any node: each stream's heartbeat signal (every 15 s) keeps
// its user online for 45 s; a closed stream says so at once, a vanished node by its silence.

const expiresAfterMs = 45_000;

export type OnlineBook = {
  /** Takes in a signal; only `online` and `offline` ones concern the book. */
  hear(workspaceId: string, signal: Record<string, unknown>): void;
  online(workspaceId: string): Map<string, Date>;
};

export function onlineBook(now: () => number): OnlineBook {
  /** workspace → user → stream → last heard (ms). */
  const heard = new Map<string, Map<string, Map<string, number>>>();
  return {
    hear(workspaceId, signal) {
      const { kind, user_id: userId, stream_id: streamId } = signal;
      if (typeof userId !== "string" || typeof streamId !== "string") return;
      const users = heard.get(workspaceId) ?? new Map<string, Map<string, number>>();
      heard.set(workspaceId, users);
      const streams = users.get(userId) ?? new Map<string, number>();
      users.set(userId, streams);
      if (kind === "online") streams.set(streamId, now());
      if (kind === "offline") streams.delete(streamId);
      if (streams.size === 0) users.delete(userId);
    },
    online(workspaceId) {
      const users = heard.get(workspaceId);
      const result = new Map<string, Date>();
      if (!users) return result;
      const oldest = now() - expiresAfterMs;
      for (const [userId, streams] of users) {
        for (const [streamId, at] of streams) if (at < oldest) streams.delete(streamId);
        if (streams.size === 0) users.delete(userId);
        else result.set(userId, new Date(Math.max(...streams.values())));
      }
      return result;
    },
  };
}
