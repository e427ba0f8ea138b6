// The console's one live connection: GET /api/v1/stream as an EventSource, shared by every screen
// of the tab. The browser reconnects by itself and resumes with Last-Event-ID; when it gives up (the
// server refused, the network went away), this reconnects with backoff from the last id received.

export const liveEventTypes = [
  "conversation.created",
  "conversation.updated",
  "conversation.resolved",
  "message.created",
  "customer.updated",
  "presence.changed",
] as const;
export type LiveEventType = (typeof liveEventTypes)[number];

/** A live event as the stream sends it: the resource as the API presents it. */
export type LiveEvent = {
  id: string | null;
  type: LiveEventType;
  data: Record<string, unknown>;
};

export type LiveListener = (event: LiveEvent) => void;

const listeners = new Set<LiveListener>();
let source: EventSource | null = null;
let lastId: string | null = null;
let attempt = 0;
let retry: number | null = null;

function connect(): void {
  const query = lastId ? `?last_event_id=${encodeURIComponent(lastId)}` : "";
  const opened = new EventSource(`/api/v1/stream${query}`);
  source = opened;
  opened.onopen = () => {
    attempt = 0;
  };
  for (const type of liveEventTypes) {
    opened.addEventListener(type, (message) => {
      const e = message as MessageEvent<string>;
      if (e.lastEventId && type !== "presence.changed") lastId = e.lastEventId;
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(e.data) as Record<string, unknown>;
      } catch {
        return;
      }
      const event: LiveEvent = { id: e.lastEventId || null, type, data };
      for (const listener of [...listeners]) listener(event);
    });
  }
  opened.onerror = () => {
    // CONNECTING: the browser retries by itself. CLOSED: it gave up; try again later.
    if (opened.readyState !== EventSource.CLOSED || source !== opened) return;
    source = null;
    const delay = Math.min(30_000, 1_000 * 2 ** attempt);
    attempt += 1;
    retry = window.setTimeout(() => {
      retry = null;
      if (listeners.size > 0) connect();
    }, delay);
  };
}

function disconnect(): void {
  source?.close();
  source = null;
  if (retry !== null) window.clearTimeout(retry);
  retry = null;
}

/** Hears every live event of the workspace while subscribed; the connection opens with the first. */
export function subscribeLive(listener: LiveListener): () => void {
  listeners.add(listener);
  if (!source && retry === null) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) disconnect();
  };
}

/** The conversation a live event concerns, if any. */
export function conversationOf(event: LiveEvent): string | null {
  const { data } = event;
  if (event.type === "message.created") {
    const conversation = data.conversation as { id?: unknown } | undefined;
    return typeof conversation?.id === "string" ? conversation.id : null;
  }
  if (event.type === "presence.changed") {
    return typeof data.conversation_id === "string" ? data.conversation_id : null;
  }
  if (event.type === "customer.updated") return null;
  return typeof data.id === "string" ? data.id : null;
}
