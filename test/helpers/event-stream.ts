// A Server-Sent Events reader over real HTTP (fetch), for tests and benches: it parses the stream as
// a browser's EventSource would and lets the caller wait for an event by a predicate.

export type StreamEvent = { id?: string; event: string; data: unknown; at: number };

export type EventStreamReader = {
  status: number;
  events: StreamEvent[];
  comments: string[];
  retry: number | null;
  /** The first event (already received or to come) the predicate accepts. */
  next(accept: (e: StreamEvent) => boolean, ms?: number): Promise<StreamEvent>;
  /** Settles when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
};

export async function readEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const events: StreamEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const reader: EventStreamReader = {
    status: res.status,
    events,
    comments,
    retry: null,
    next(accept, ms = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(accept);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such event within ${ms} ms (${events.length} received)`));
        }, ms);
        if (!check()) waiters.add(check);
      });
    },
    ended: Promise.resolve(),
    close: () => abort.abort(),
  };
  if (!res.body || !res.headers.get("content-type")?.startsWith("text/event-stream")) {
    return reader;
  }
  const body = res.body.pipeThrough(new TextDecoderStream());
  reader.ended = (async () => {
    let buffer = "";
    try {
      for await (const chunk of body) {
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          take(block);
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // Aborted by close(): the stream simply ends.
    }
  })();
  function take(block: string) {
    const fields: Record<string, string> = {};
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) comments.push(line.slice(1).trim());
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, "");
    }
    if (fields.retry !== undefined) reader.retry = Number(fields.retry);
    if (fields.data === undefined) return;
    events.push({
      id: fields.id,
      event: fields.event ?? "message",
      data: JSON.parse(fields.data),
      at: performance.now(),
    });
    for (const waiter of [...waiters]) waiter();
  }
  return reader;
}
