// Exactly once from an IMAP mailbox under SIGKILL: 1,000 mails wait in a real Dovecot folder; the
// real `rapport start` takes them and is killed twice while it does (the node alone, then the whole
// desk with its PostgreSQL), started again each time; in the end every mail is stored once (counted
// by Message-ID) and marked on the server, and the mailbox is read up to its last UID.
// Sizes: IMAP_CRASH_MAILS (1000).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type Dovecot, dovecotAvailable, startDovecot } from "../helpers/dovecot.ts";
import { connectMailbox } from "../helpers/imap-desk.ts";
import {
  embeddedDatabaseUrl,
  killRapport,
  type RapportProcess,
  rapportEnv,
  removeDesk,
  startRapport,
  stopRapport,
} from "../helpers/rapport-process.ts";

const total = Number(process.env.IMAP_CRASH_MAILS ?? 1000);
const here = dovecotAvailable();
const folder = mkdtempSync(path.join(tmpdir(), "rapport-imap-crash-"));
const dataDir = path.join(folder, "data");
const env = rapportEnv(dataDir, { RAPPORT_IMAP_POLL_SECONDS: "1" });
const started: RapportProcess[] = [];
let dovecot: Dovecot | null = null;

afterAll(async () => {
  removeDesk(dataDir, started, folder);
  await dovecot?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function mailOf(i: number): string {
  return [
    `From: Client ${i % 40} <client-${i % 40}@crash.example>`,
    "To: ancienne-adresse@crash.example",
    `Subject: Commande ${i}`,
    `Message-ID: <imap-crash-${i}@crash.example>`,
    `Date: ${new Date(Date.UTC(2026, 0, 5, 9, 0, i % 60)).toUTCString()}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Bonjour, où en est ma commande ${i} ? Merci.`,
    "",
  ].join("\r\n");
}

function imapClient(d: Dovecot): ImapFlow {
  return new ImapFlow({
    host: d.host,
    port: d.port,
    secure: false,
    auth: { user: d.user, pass: d.password },
    logger: false,
  });
}

describe.skipIf(!here)("IMAP mailbox under SIGKILL", () => {
  it("stores each of the folder's mails exactly once across two kills mid-take", async () => {
    const d = await startDovecot();
    dovecot = d;
    d.deliver(Array.from({ length: total }, (_, i) => mailOf(i)));

    let server = await startRapport(env);
    started.push(server);
    const took = performance.now();
    const { brandId, mailboxId } = await connectMailbox(server.url, env, d, "crash");

    // The desk's PostgreSQL dies with it at the group kill: counted on a new connection then.
    let db: pg.Client | null = null;
    const stored = async (): Promise<number> => {
      try {
        if (!db) {
          db = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir) });
          db.on("error", () => {});
          await db.connect();
        }
        const { rows } = await db.query<{ n: number }>(
          "select count(distinct external_id)::int as n from messages where external_id like 'imap-crash-%'",
        );
        return rows[0]?.n ?? 0;
      } catch {
        await db?.end().catch(() => {});
        db = null;
        return -1;
      }
    };
    const kills: Array<{ at: number; scope: "node" | "group"; restartMs: number }> = [];
    for (const [fraction, scope] of [
      [0.2, "node"],
      [0.55, "group"],
    ] as const) {
      while ((await stored()) < fraction * total) await sleep(10);
      const at = await stored();
      await killRapport(server, scope);
      server = await startRapport(env);
      started.push(server);
      kills.push({ at, scope, restartMs: Math.round(server.startMs) });
    }
    await (db as pg.Client | null)?.end().catch(() => {});
    const after = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir) });
    await after.connect();
    const count = async () =>
      (
        await after.query<{ n: number }>(
          "select count(*)::int as n from messages where external_id like 'imap-crash-%'",
        )
      ).rows[0]?.n ?? 0;
    const deadline = Date.now() + 240_000;
    while ((await count()) < total && Date.now() < deadline) await sleep(100);
    const row = async () =>
      (
        await after.query<{ last_uid: number; state: string }>(
          "select last_uid::int, state from mailboxes where id = $1",
          [mailboxId],
        )
      ).rows[0];
    while ((await row())?.last_uid !== total && Date.now() < deadline) await sleep(100);
    const takeMs = performance.now() - took;

    const copies = await after.query<{ external_id: string; copies: number }>(
      "select external_id, count(*)::int as copies from messages where external_id like 'imap-crash-%' group by external_id",
    );
    const conversationsOfOtherBrands = await after.query<{ n: number }>(
      `select count(*)::int as n from messages m join conversations c
           on c.workspace_id = m.workspace_id and c.id = m.conversation_id
          where m.external_id like 'imap-crash-%' and c.brand_id <> $1`,
      [brandId],
    );
    const final = await row();
    await after.end();

    const reader = imapClient(d);
    await reader.connect();
    const lock = await reader.getMailboxLock("INBOX");
    const unmarked = await reader.search({ unKeyword: "$Rapport" }, { uid: true });
    lock.release();
    await reader.logout();

    console.log(
      JSON.stringify({
        mails: total,
        takeMs: Math.round(takeMs),
        mailsPerSecond: Math.round((total / takeMs) * 1000),
        kills,
      }),
    );
    expect(copies.rows.length).toBe(total);
    expect(copies.rows.filter((r) => r.copies !== 1)).toEqual([]);
    expect(conversationsOfOtherBrands.rows[0]?.n).toBe(0);
    expect(final).toMatchObject({ last_uid: total });
    expect(unmarked).toEqual([]);
    expect(await stopRapport(server)).toBe(0);
  }, 420_000);
});
