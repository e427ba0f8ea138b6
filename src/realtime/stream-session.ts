// One open event stream: the missed events first (from the events table, after the client's last
// id), then the hub's live ones, each once; a heartbeat comment every 15 s; dropped when the client
// reads too slowly (it reconnects and resumes from its last id).
import type { Db } from "../store/database.ts";
import { type PublicEvent, readPublicEvents } from "./feed.ts";
import type { Hub } from "./hub.ts";
import { isPresenceSignal, presenceBook, presenceChangedEvent } from "./presence.ts";
import { recentIds } from "./recent-ids.ts";
import { sseComment, sseEvent, sseRetry } from "./sse.ts";

/** Where a stream writes: the HTTP response, as a sink a test or another transport can replace. */
export type StreamSink = {
  /** False once the sink buffers more than it wants (Node's `write`). */
  write(chunk: string): boolean;
  /** Bytes written but not yet taken by the client. */
  buffered(): number;
  /** Settles when the buffer has drained, or the client left. */
  drained(): Promise<void>;
  end(): void;
};

/** What a stream logs through: the request's logger. */
export type StreamLog = {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
};

export type StreamOptions = {
  hub: Hub;
  db: Db;
  log: StreamLog;
  workspaceId: string;
  /** The advisor reading, kept online while the stream is open (null for an unbound token). */
  userId: string | null;
  /** Resume after this event (Last-Event-ID), from the events table. */
  lastEventId?: string;
  /** A client that leaves more than this many bytes unread is dropped. */
  maxBuffered?: number;
  heartbeatMs?: number;
  retryMs?: number;
  /**
   * Whether the credential that opened the stream still holds (a revoked token, an ended session
   * or a removed user does not), asked at every heartbeat: the stream ends when it no longer does.
   */
  stillAllowed?: () => Promise<boolean>;
};

export type OpenStream = {
  /** Ends the stream (the client left, or the server is stopping). */
  close(): void;
  /** Sends an event without an id (presence): it does not move the client's cursor. */
  send(event: string, data: unknown): void;
  /** Settles when the stream has ended, for whatever reason. */
  readonly ended: Promise<void>;
};

const catchUpPage = 500;

export function openStream(o: StreamOptions, sink: StreamSink): OpenStream {
  const maxBuffered = o.maxBuffered ?? 1024 * 1024;
  let closed = false;
  let live = false;
  let endNow: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    endNow = resolve;
  });
  /** What this stream sent while catching up, against the hub's overlap. */
  const sent = recentIds(60_000, 100_000, () => Date.now());
  const waiting: PublicEvent[] = [];

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    clearInterval(expiry);
    unsubscribe();
    unhear();
    offline();
    sink.end();
    endNow();
  };
  const write = (chunk: string) => {
    if (closed) return;
    sink.write(chunk);
    if (sink.buffered() > maxBuffered) {
      o.log.info(
        { buffered: sink.buffered() },
        "event stream dropped: its client reads too slowly",
      );
      close();
    }
  };
  const tell = (e: PublicEvent) => {
    if (sent.has(e.id)) return;
    sent.add(e.id, Date.now());
    write(sseEvent({ id: e.id, event: e.event, data: e.data }));
  };

  const unsubscribe = o.hub.subscribe(o.workspaceId, (e) => {
    if (live) tell(e);
    else waiting.push(e);
  });
  // Who views which conversation, as this stream's client is told it. Not a catalogued event: it is
  // never stored, and carries no id, so that it does not move the client's cursor.
  const presence = presenceBook(() => Date.now());
  const tellViewers = (conversationId: string) =>
    write(
      sseEvent({
        event: presenceChangedEvent,
        data: { conversation_id: conversationId, viewers: presence.viewers(conversationId) },
      }),
    );
  const unhear = o.hub.onSignal(o.workspaceId, (signal) => {
    if (isPresenceSignal(signal) && presence.hear(signal)) tellViewers(signal.conversation_id);
  });
  const expiry = setInterval(() => {
    for (const conversationId of presence.expire()) tellViewers(conversationId);
  }, 5_000);
  expiry.unref();
  const offline = o.userId ? o.hub.keepOnline(o.workspaceId, o.userId) : () => {};
  const beat = async () => {
    if (o.stillAllowed && !(await o.stillAllowed().catch(() => true))) {
      o.log.info({}, "event stream ended: its credential no longer holds");
      close();
      return;
    }
    write(sseComment("heartbeat"));
  };
  const heartbeat = setInterval(() => void beat(), o.heartbeatMs ?? 15_000);
  heartbeat.unref();
  sink.write(sseRetry(o.retryMs ?? 3_000));

  (async () => {
    await unsubscribe.ready;
    let after = o.lastEventId;
    while (after !== undefined && !closed) {
      const missed = await readPublicEvents(o.db, o.workspaceId, { after, limit: catchUpPage });
      for (const e of missed) tell(e);
      // Wait for a slow client here rather than buffer the whole history.
      if (sink.buffered() > 0) await sink.drained();
      // Pages end on stored rows, not public events: read on until nothing is left.
      after = missed.at(-1)?.id;
    }
    live = true;
    for (const e of waiting.splice(0)) tell(e);
  })().catch((error) => {
    o.log.error({ err: error }, "event stream could not catch up");
    close();
  });

  return {
    close,
    send: (event, data) => write(sseEvent({ event, data })),
    ended,
  };
}
