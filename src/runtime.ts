// What every command, route and job receives: the database, the clock, id makers, logs and stores.
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { v7 as uuidv7 } from "uuid";
import type { Config } from "./config.ts";
import type { Queue } from "./jobs/queue.ts";
import type { BlobStore } from "./store/blobs/blob-store.ts";
import type { Db } from "./store/database.ts";

export type Runtime = {
  db: Db;
  log: Logger;
  config: Config;
  blobs: BlobStore;
  /** The job queue; jobs that follow a change are sent in the change's transaction. */
  queue: Queue;
  /** The key that signs reply tokens, cursors and cookies (RAPPORT_SECRET, or one kept in the database). */
  secret: string;
  now: () => Date;
  newId: () => string;
  randomBytes: (size: number) => Uint8Array;
};

export const systemClock = () => new Date();
export const newId = () => uuidv7();
export const secureRandom = (size: number): Uint8Array => randomBytes(size);
