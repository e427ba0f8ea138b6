// Who views or answers which conversation (the collision warning): each console tab says so every
// 10 s through the hub's signals; a viewer silent for 30 s, or who said they left, is gone.

export const presenceStates = ["viewing", "typing"] as const;
export type PresenceState = (typeof presenceStates)[number];

export type Viewer = { user_id: string; name: string; state: PresenceState };

/** The signal a presence change travels as (hub.signal); `left` when the advisor leaves. */
export type PresenceSignal = {
  kind: "presence";
  conversation_id: string;
  user_id: string;
  name: string;
  state: PresenceState | "left";
};

const expiresAfterMs = 30_000;

export function isPresenceSignal(signal: Record<string, unknown>): signal is PresenceSignal {
  return (
    signal.kind === "presence" &&
    typeof signal.conversation_id === "string" &&
    typeof signal.user_id === "string" &&
    typeof signal.name === "string" &&
    (signal.state === "left" || presenceStates.includes(signal.state as PresenceState))
  );
}

export type PresenceBook = {
  /** Takes a signal in; answers whether the conversation's viewers changed. */
  hear(signal: PresenceSignal): boolean;
  /** Forgets the silent viewers; answers the conversations whose viewers changed. */
  expire(): string[];
  viewers(conversationId: string): Viewer[];
};

export function presenceBook(now: () => number): PresenceBook {
  const seen = new Map<string, Map<string, Viewer & { at: number }>>();
  const shape = (list: Iterable<Viewer>) =>
    JSON.stringify([...list].map((v) => [v.user_id, v.name, v.state]).sort());
  const viewers = (conversationId: string): Viewer[] =>
    [...(seen.get(conversationId)?.values() ?? [])]
      .map(({ user_id, name, state }) => ({ user_id, name, state }))
      .sort((a, b) => a.user_id.localeCompare(b.user_id));
  return {
    hear(signal) {
      const before = shape(viewers(signal.conversation_id));
      const room = seen.get(signal.conversation_id) ?? new Map();
      seen.set(signal.conversation_id, room);
      if (signal.state === "left") room.delete(signal.user_id);
      else {
        const { user_id, name, state } = signal;
        room.set(user_id, { user_id, name, state, at: now() });
      }
      if (room.size === 0) seen.delete(signal.conversation_id);
      return shape(viewers(signal.conversation_id)) !== before;
    },
    expire() {
      const oldest = now() - expiresAfterMs;
      const changed: string[] = [];
      for (const [conversationId, room] of seen) {
        let gone = false;
        for (const [userId, viewer] of room) {
          if (viewer.at < oldest) {
            room.delete(userId);
            gone = true;
          }
        }
        if (room.size === 0) seen.delete(conversationId);
        if (gone) changed.push(conversationId);
      }
      return changed;
    },
    viewers,
  };
}
