// Takes mail from every enabled IMAP mailbox, each held by one node only: a PostgreSQL advisory
// lock, taken on a connection of the poller's own, says who holds it. When a node dies its
// connection closes, the lock goes with it, and another node's next look takes the mailbox over.
// A changed mailbox (its row's updated_at) is let go and taken again with its new settings.
import pg from "pg";
import type { Runtime } from "../../runtime.ts";
import { enabledMailboxes } from "../../store/queries/mailboxes.ts";
import { mailIntake } from "../email/ingest-mail.ts";
import { type MailboxSession, type SessionTimes, startMailboxSession } from "./mailbox-session.ts";

export type MailboxPoller = { stop(): Promise<void> };

export type PollerOptions = SessionTimes & {
  /** How often the mailboxes to hold are looked for (new, changed, deleted, or let go by a node). */
  scanMs: number;
};

/** The advisory lock's first key: Rapport's mailboxes (the second is the mailbox's id, hashed). */
const lockSpace = 0x52617070;

type Held = { session: MailboxSession; updatedAt: number; workspaceId: string; id: string };

/** `databaseUrl`: where the poller opens its own connection, the one that holds the locks. */
export function startMailboxPoller(
  rt: Runtime,
  databaseUrl: string,
  options: PollerOptions,
): MailboxPoller {
  const intake = mailIntake(rt);
  const held = new Map<string, Held>();
  let locks: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let scanning: Promise<void> = Promise.resolve();

  async function lockConnection(): Promise<pg.Client> {
    if (locks) return locks;
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: "rapport mailboxes",
    });
    // Losing this connection loses every lock: let every mailbox go, to be taken again.
    client.on("error", () => {});
    client.on("end", () => {
      if (locks === client) locks = null;
      void releaseAll();
    });
    await client.connect();
    locks = client;
    return client;
  }

  async function release(key: string): Promise<void> {
    const h = held.get(key);
    if (!h) return;
    held.delete(key);
    await h.session.stop();
    await locks
      ?.query("select pg_advisory_unlock($1, hashtext($2))", [lockSpace, h.id])
      .catch(() => {});
  }

  async function releaseAll(): Promise<void> {
    await Promise.all([...held.keys()].map(release));
  }

  async function scan(): Promise<void> {
    const wanted = await enabledMailboxes(rt.db);
    const seen = new Set<string>();
    for (const m of wanted) {
      const key = `${m.workspaceId}/${m.id}`;
      seen.add(key);
      const mine = held.get(key);
      if (mine && mine.updatedAt === m.updatedAt.getTime()) continue;
      if (mine) await release(key);
      const client = await lockConnection();
      const { rows } = await client.query<{ got: boolean }>(
        "select pg_try_advisory_lock($1, hashtext($2)) as got",
        [lockSpace, m.id],
      );
      if (!rows[0]?.got || stopped) continue;
      held.set(key, {
        session: startMailboxSession(rt, m, intake, options),
        updatedAt: m.updatedAt.getTime(),
        workspaceId: m.workspaceId,
        id: m.id,
      });
    }
    for (const key of [...held.keys()]) if (!seen.has(key)) await release(key);
  }

  async function tick(): Promise<void> {
    try {
      await scan();
    } catch (error) {
      rt.log.warn({ err: error }, "looking for mailboxes to take mail from failed; trying again");
    }
    if (!stopped)
      timer = setTimeout(() => {
        scanning = tick();
      }, options.scanMs);
  }
  scanning = tick();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await scanning;
      await releaseAll();
      const client = locks;
      locks = null;
      await client?.end().catch(() => {});
    },
  };
}
