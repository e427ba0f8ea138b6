// The one job queue (pg-boss, in its own schema of the same database). Jobs that must follow a change
// are sent inside that change's transaction, so a crash keeps both or neither.

import type pg from "pg";
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Tx } from "../store/database.ts";
import { type JobData, type JobName, jobNames } from "./job-data.ts";

export { type JobData, type JobName, jobNames };

export type SendOptions = { startAfter?: Date; singletonKey?: string };

export type Queue = {
  boss: PgBoss;
  /** Sends a job inside `tx`: it exists only if the transaction commits. */
  send<N extends JobName>(tx: Tx, name: N, data: JobData[N], options?: SendOptions): Promise<void>;
  /** Several jobs of one kind inside `tx`, in one statement (a batch of intake's acknowledgements). */
  sendMany<N extends JobName>(tx: Tx, name: N, list: Array<JobData[N]>): Promise<void>;
  stop(): Promise<void>;
};

/** The pg client of a Drizzle transaction (drizzle-orm 0.45 keeps it on the session). */
function clientOf(tx: Tx): pg.PoolClient {
  const client = (tx as unknown as { session?: { client?: pg.PoolClient } }).session?.client;
  if (!client || typeof client.query !== "function") throw new Error("not inside a transaction");
  return client;
}

const retries = { retryLimit: 8, retryDelay: 15, retryBackoff: true } as const;

export async function openQueue(
  url: string,
  log: Logger,
  options: { supervise: boolean },
): Promise<Queue> {
  const boss = new PgBoss({
    connectionString: url,
    schema: "pgboss",
    max: 4,
    application_name: "rapport-jobs",
    supervise: options.supervise,
    schedule: options.supervise,
    migrate: true,
  });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  for (const name of jobNames) await boss.createQueue(name, { name, ...retries });
  return {
    boss,
    async send(tx, name, data, sendOptions = {}) {
      const client = clientOf(tx);
      await boss.send(name, data, {
        ...retries,
        ...sendOptions,
        db: { executeSql: (text, values) => client.query(text, values) },
      });
    },
    async sendMany(tx, name, list) {
      if (list.length === 0) return;
      const client = clientOf(tx);
      await boss.insert(
        list.map((data) => ({ name, data, ...retries })),
        { db: { executeSql: (text, values) => client.query(text, values) } },
      );
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
