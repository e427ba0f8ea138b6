// The realtime hub of one process: one LISTEN connection on the desk's database hears every node's
// committed events (record-event.ts notifies after commit) and ephemeral signals (presence), and
// hands them to this process's subscribers (the stream, the chat widget).
//
// Commit order is not id order: a UUIDv7 made early in a long transaction commits after a later
// one. So each read goes back an overlap window (10 s) before the newest id delivered and drops the
// ids already delivered (a recent-id set kept as long as the window): an event is delivered once,
// even when it commits late, unless its transaction outlived the window.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Logger } from "pino";
import { eventsChannel } from "../commands/events/record-event.ts";
import type { Db } from "../store/database.ts";
import { timeOfId } from "./event-ids.ts";
import { type EventRow, type PublicEvent, presentEvents, readEventRows } from "./feed.ts";
import { onlineBook } from "./online.ts";
import { type RecentIds, recentIds } from "./recent-ids.ts";

/** The channel of ephemeral signals: `{ w: workspace id, p: payload }`, never stored. */
export const signalsChannel = "rapport_signals";

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
const signalLimit = 8_000;

export type EventListener = (event: PublicEvent) => void;
export type SignalPayload = Record<string, unknown>;
export type SignalListener = (payload: SignalPayload) => void;
/** Unsubscribes when called; `ready` settles once events committed from then on will be delivered. */
export type Subscription = (() => void) & { ready: Promise<void> };

export type Hub = {
  /** Opens the LISTEN connection (the server does at start; a subscription does if needed). */
  start(): Promise<void>;
  /** Closes the connection and forgets every subscriber. */
  stop(): Promise<void>;
  /** The workspace's public events committed from now on, on any node, each once, in id order. */
  subscribe(workspaceId: string, listener: EventListener): Subscription;
  /** Sends an ephemeral signal to every node's `onSignal` listeners of the workspace (this one too). */
  signal(workspaceId: string, payload: SignalPayload): Promise<void>;
  onSignal(workspaceId: string, listener: SignalListener): () => void;
  /** The advisors with an open console stream on any node, with when they were last heard of. */
  online(workspaceId: string): Map<string, Date>;
  /** Keeps a user online while their stream is open (a heartbeat signal every 15 s); call to end. */
  keepOnline(workspaceId: string, userId: string): () => void;
};

export type HubOptions = {
  url: string;
  db: Db;
  log: Logger;
  now: () => Date;
  /** How far back each read goes before the newest id delivered. */
  overlapMs?: number;
};

type Room = {
  workspaceId: string;
  listeners: Set<EventListener>;
  recent: RecentIds;
  /** The newest id delivered (or seen when the room opened). */
  cursor: string | null;
  ready: Promise<void>;
  reading: Promise<void> | null;
  again: boolean;
};

const pageSize = 500;

export function createHub(options: HubOptions): Hub {
  const { db, log, now } = options;
  const overlapMs = options.overlapMs ?? 10_000;
  const rooms = new Map<string, Room>();
  const signalListeners = new Map<string, Set<SignalListener>>();
  const book = onlineBook(() => now().getTime());
  let client: pg.Client | null = null;
  let starting: Promise<void> | null = null;
  let stopped = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: options.url, application_name: "rapport-hub" });
    c.on("notification", (n) => heard(n.channel, n.payload ?? ""));
    c.on("error", (error) => lost(c, error));
    c.on("end", () => lost(c, null));
    try {
      await c.connect();
      await c.query(`listen ${eventsChannel}; listen ${signalsChannel}`);
    } catch (error) {
      c.removeAllListeners();
      await c.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    attempt = 0;
  }

  function lost(c: pg.Client, error: Error | null): void {
    if (client !== c) return;
    client = null;
    c.removeAllListeners();
    c.on("error", () => {});
    c.end().catch(() => {});
    if (stopped) return;
    log.warn({ err: error }, "realtime hub lost its database connection; reconnecting");
    reconnectLater();
  }

  function reconnectLater(): void {
    const delay = Math.min(10_000, 250 * 2 ** attempt);
    attempt += 1;
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        // What was committed while nobody listened is read from each room's cursor.
        () => {
          for (const room of rooms.values()) pull(room);
        },
        (error) => {
          if (stopped) return;
          log.warn({ err: error, attempt }, "realtime hub could not reconnect yet");
          reconnectLater();
        },
      );
    }, delay);
    retry.unref();
  }

  function start(): Promise<void> {
    stopped = false;
    starting ??= connect().catch((error) => {
      log.warn({ err: error }, "realtime hub could not listen yet; retrying");
      reconnectLater();
    });
    return starting;
  }

  function heard(channel: string, payload: string): void {
    if (channel === eventsChannel) {
      const room = rooms.get(payload);
      if (room) pull(room);
      return;
    }
    if (channel !== signalsChannel) return;
    let message: { w?: unknown; p?: unknown };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (typeof message.w !== "string" || typeof message.p !== "object" || message.p === null) {
      return;
    }
    const signal = message.p as SignalPayload;
    book.hear(message.w, signal);
    for (const listener of [...(signalListeners.get(message.w) ?? [])]) {
      try {
        listener(signal);
      } catch (error) {
        log.error({ err: error }, "a realtime signal listener failed");
      }
    }
  }

  /** Reads the room's new events, one read at a time; a notification during a read asks another. */
  function pull(room: Room): void {
    if (room.reading) {
      room.again = true;
      return;
    }
    room.again = false;
    room.reading = room.ready
      .then(() => readNew(room))
      .catch((error) => log.error({ err: error }, "realtime hub could not read new events"))
      .finally(() => {
        room.reading = null;
        if (room.again && rooms.get(room.workspaceId) === room) pull(room);
      });
  }

  /** Every row from the overlap window on, page by page; `take` gets each page. */
  async function readWindow(room: Room, take: (rows: EventRow[]) => Promise<void>) {
    const newest = room.cursor ? timeOfId(room.cursor).getTime() : Number.POSITIVE_INFINITY;
    const since = new Date(Math.min(newest, now().getTime()) - overlapMs);
    let after: string | undefined;
    for (;;) {
      const rows = await readEventRows(db, room.workspaceId, { since, after, limit: pageSize });
      await take(rows);
      const last = rows.at(-1);
      if (rows.length < pageSize || !last) return;
      after = last.id;
    }
  }

  function remember(room: Room, rows: readonly EventRow[]): void {
    for (const row of rows) {
      room.recent.add(row.id, timeOfId(row.id).getTime());
      if (room.cursor === null || row.id > room.cursor) room.cursor = row.id;
    }
  }

  async function readNew(room: Room): Promise<void> {
    await readWindow(room, async (rows) => {
      const fresh = rows.filter((r) => !room.recent.has(r.id));
      if (fresh.length === 0) return;
      const told = await presentEvents(db, room.workspaceId, fresh);
      remember(room, fresh);
      for (const event of told) {
        for (const listener of [...room.listeners]) {
          try {
            listener(event);
          } catch (error) {
            log.error({ err: error }, "a realtime subscriber failed");
          }
        }
      }
    });
  }

  function open(workspaceId: string): Room {
    const existing = rooms.get(workspaceId);
    if (existing) return existing;
    const room: Room = {
      workspaceId,
      listeners: new Set(),
      recent: recentIds(overlapMs * 2, 100_000, () => now().getTime()),
      cursor: null,
      ready: Promise.resolve(),
      reading: null,
      again: false,
    };
    // What the window already holds was committed before anyone here subscribed: seen, not told.
    room.ready = start().then(() =>
      readWindow(room, async (rows) => remember(room, rows)).catch((error) => {
        log.error({ err: error }, "realtime hub could not open a workspace's feed");
      }),
    );
    rooms.set(workspaceId, room);
    return room;
  }

  const signal = async (workspaceId: string, payload: SignalPayload) => {
    const text = JSON.stringify({ w: workspaceId, p: payload });
    if (Buffer.byteLength(text) >= signalLimit) {
      throw new Error(`a realtime signal must stay under ${signalLimit} bytes`);
    }
    await db.execute(sql`select pg_notify(${signalsChannel}, ${text})`);
  };

  return {
    start,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      rooms.clear();
      signalListeners.clear();
      await starting;
      starting = null;
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on("error", () => {});
        await c.end().catch(() => {});
      }
    },
    subscribe(workspaceId, listener) {
      const room = open(workspaceId);
      room.listeners.add(listener);
      const unsubscribe = () => {
        room.listeners.delete(listener);
        if (room.listeners.size === 0 && rooms.get(workspaceId) === room) {
          rooms.delete(workspaceId);
        }
      };
      return Object.assign(unsubscribe, { ready: room.ready });
    },
    signal,
    onSignal(workspaceId, listener) {
      void start();
      const set = signalListeners.get(workspaceId) ?? new Set();
      set.add(listener);
      signalListeners.set(workspaceId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && signalListeners.get(workspaceId) === set) {
          signalListeners.delete(workspaceId);
        }
      };
    },
    online: (workspaceId) => book.online(workspaceId),
    keepOnline(workspaceId, userId) {
      void start();
      const streamId = randomUUID();
      const beat = (kind: "online" | "offline") =>
        signal(workspaceId, { kind, user_id: userId, stream_id: streamId }).catch((error) =>
          log.warn({ err: error }, "realtime hub could not send a heartbeat"),
        );
      void beat("online");
      const timer = setInterval(() => void beat("online"), 15_000);
      timer.unref();
      return () => {
        clearInterval(timer);
        void beat("offline");
      };
    },
  };
}
