// The unit of work a use case receives: one open transaction, one instant, id makers, and the typed
// writers of events and jobs, which commit with the change or not at all.
import type { EventData, EventType } from "../domain/events/catalogue.ts";
import type { JobData, JobName, SendOptions } from "../jobs/queue.ts";
import type { Runtime } from "../runtime.ts";
import type { Db } from "../store/database.ts";
import type { Principal } from "./access/principal.ts";
import { type EventInput, recordEvents } from "./events/record-event.ts";

/** An open transaction, never the pool: what a use case writes through commits as one. */
export type Transaction = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * An event of this change, typed by the catalogue; the workspace, id, instant and (by default)
 * actor are the unit's.
 */
export type NewEvent<T extends EventType> = Omit<
  EventInput,
  "workspaceId" | "id" | "at" | "actor" | "type" | "data"
> & {
  type: T;
  data?: EventData<T>;
  actor?: EventInput["actor"];
};

/** Any one event of the catalogue, its data typed by its type: what `recordAll` takes. */
export type AnyNewEvent = { [T in EventType]: NewEvent<T> }[EventType];

export type UnitOfWork = {
  readonly tx: Transaction;
  /** The one instant of this change: every row and event it writes carries it. */
  readonly now: Date;
  newId(): string;
  randomBytes(size: number): Uint8Array;
  /** Appends an event to the timeline, in this transaction. */
  record<T extends EventType>(event: NewEvent<T>): Promise<void>;
  /** Several events of this change in one statement (the intake writes a few per message). */
  recordAll(events: AnyNewEvent[]): Promise<void>;
  /** Sends a job that exists only if this transaction commits. */
  enqueue<N extends JobName>(name: N, data: JobData[N], options?: SendOptions): Promise<void>;
  /**
   * Configuration, secret, log and blob store for what a use case needs of them; its clock and ids
   * are this unit's. For code not yet written against the unit of work (the mail intake's steps).
   */
  readonly runtime: Runtime;
};

/** What tests pin: the instant and the ids of a unit of work. */
export type UnitClock = { now?: Date; newId?: () => string };

export function openUnit(
  rt: Runtime,
  tx: Transaction,
  p: Pick<Principal, "workspaceId" | "actor">,
  clock: UnitClock = {},
): UnitOfWork {
  const now = clock.now ?? rt.now();
  const newId = clock.newId ?? rt.newId;
  const runtime: Runtime = { ...rt, now: () => now, newId };
  const stamp = (event: NewEvent<EventType>): EventInput => ({
    ...event,
    workspaceId: p.workspaceId,
    id: newId(),
    at: now,
    actor: event.actor ?? p.actor,
  });
  return {
    tx,
    now,
    newId,
    randomBytes: rt.randomBytes,
    runtime,
    record: (event) => recordEvents(tx, [stamp(event)]),
    recordAll: (events) => recordEvents(tx, events.map(stamp)),
    enqueue: (name, data, options) => rt.queue.send(tx, name, data, options),
  };
}
