// What every command, route and job receives: the database, the clock, id makers, logs and stores.
import { randomBytes } from "node:crypto";
import { Resolver } from "node:dns/promises";
import type { Logger } from "pino";
import { v7 as uuidv7 } from "uuid";
import type { Config } from "./config.ts";
import type { Queue } from "./jobs/queue.ts";
import type { Hub } from "./realtime/hub.ts";
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
  /** This process's realtime hub: public events and signals of every node (src/realtime/hub.ts). */
  hub: Hub;
  /** DNS look-ups: mail authentication (SPF, DKIM, DMARC) and webhook hosts; injected in tests. */
  dns: DnsLookup;
};

export type DnsLookup = (name: string, type: string) => Promise<unknown>;

const resolver = new Resolver({ timeout: 2_000, tries: 1 });
export const systemDns: DnsLookup = (name, type) => resolver.resolve(name, type);
/** For a desk without DNS: every look-up fails at once, as for an unknown name. */
export const noDns: DnsLookup = async (name) => {
  throw Object.assign(new Error(`no DNS here (${name})`), { code: "ENOTFOUND" });
};

export const systemClock = () => new Date();
export const newId = () => uuidv7();
export const secureRandom = (size: number): Uint8Array => randomBytes(size);
