// The answer guarantee under crashes: mails sent over real SMTP by concurrent senders while the real
// server is SIGKILLed again and again; every mail that got a 250 is stored exactly once, none twice,
// and indexed for search in the end whatever the kills interrupted.
// Eight senders, so that mails share batches (group commit) when the kills land.
// Sizes: CRASH_SENDERS (8), CRASH_MAILS per sender (150), CRASH_KILLS (3), CRASH_SEED (random).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  embeddedDatabaseUrl,
  killRapport,
  type RapportProcess,
  rapportEnv,
  readRuntimeFile,
  removeDesk,
  startRapport,
  stopRapport,
} from "../helpers/rapport-process.ts";
import { openSmtp, type SmtpSession } from "../helpers/smtp-client.ts";

const sizes = {
  senders: Number(process.env.CRASH_SENDERS ?? 8),
  mails: Number(process.env.CRASH_MAILS ?? 150),
  kills: Number(process.env.CRASH_KILLS ?? 3),
  seed: Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31)),
};
const customersPerSender = 25;
// Generous for a slow runner: about 50 mails/s and 4 s per restart are measured on 2 cores.
const timeoutMs = 60_000 + sizes.senders * sizes.mails * 100 + sizes.kills * 15_000;

const folder = mkdtempSync(path.join(tmpdir(), "rapport-crash-"));
const dataDir = path.join(folder, "data");
const env = rapportEnv(dataDir);
const started: RapportProcess[] = [];

afterAll(() => removeDesk(dataDir, started, folder));

/** mulberry32: a small seeded generator, so a failing run can be replayed with CRASH_SEED. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mail = { messageId: string; from: string; raw: string };

/** Sender `s`'s mails: 25 customers each; every other round of them replies to its previous mail. */
function mailsOf(s: number): Mail[] {
  const mails: Mail[] = [];
  for (let i = 0; i < sizes.mails; i++) {
    const customer = i % customersPerSender;
    const from = `customer-${s}-${customer}@crash.example`;
    const messageId = `crash-${s}-${i}@crash.example`;
    const replyTo =
      Math.floor(i / customersPerSender) % 2 === 1
        ? `crash-${s}-${i - customersPerSender}@crash.example`
        : null;
    const headers = [
      `From: Customer ${s}-${customer} <${from}>`,
      "To: support@rapport.localhost",
      `Subject: ${replyTo ? "Re: " : ""}Order ${s}-${i - (replyTo ? customersPerSender : 0)}`,
      `Message-ID: <${messageId}>`,
      ...(replyTo ? [`In-Reply-To: <${replyTo}>`, `References: <${replyTo}>`] : []),
      `Date: ${new Date(Date.UTC(2026, 0, 5, 9, 0, i % 60)).toUTCString()}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
    ];
    const body = `Hello,\r\n\r\nmail ${i} of sender ${s}: where is my order? It was due last week.\r\n\r\nThanks\r\n`;
    mails.push({ messageId, from, raw: `${headers.join("\r\n")}\r\n\r\n${body}` });
  }
  return mails;
}

const tally = {
  attempts: 0,
  acknowledged: new Set<string>(),
  resent: 0,
  resentAlreadyStored: 0,
  connectionLost: 0,
  temporary: new Map<string, number>(),
  refused: [] as string[],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Like an MTA: the address from runtime.json, retried until a server answers there. */
async function connect(): Promise<SmtpSession> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const runtime = readRuntimeFile(dataDir);
    if (runtime) {
      const session = await openSmtp(runtime.smtp_port).catch(() => null);
      if (session) return session;
    }
    if (Date.now() > deadline) throw new Error("no SMTP server to connect to for 90 s");
    await sleep(100);
  }
}

async function runSender(s: number): Promise<void> {
  let session: SmtpSession | null = null;
  for (const mail of mailsOf(s)) {
    for (let attempt = 1; ; attempt++) {
      if (!session?.usable()) {
        session?.close();
        session = await connect();
      }
      tally.attempts += 1;
      if (attempt > 1) tally.resent += 1;
      const answer = await session.send(
        { from: mail.from, to: ["support@rapport.localhost"] },
        mail.raw,
      );
      if (answer.code === 250) {
        tally.acknowledged.add(mail.messageId);
        if (attempt > 1 && answer.text.includes("already received")) tally.resentAlreadyStored += 1;
        break;
      }
      if (answer.code >= 500) {
        tally.refused.push(`${mail.messageId}: ${answer.text}`);
        break;
      }
      if (answer.code === 0) tally.connectionLost += 1;
      else tally.temporary.set(answer.text, (tally.temporary.get(answer.text) ?? 0) + 1);
      await sleep(50);
    }
  }
  session?.close();
}

describe("SMTP intake under SIGKILL", () => {
  it(
    "stores every mail answered 250 exactly once across repeated crashes and re-sends",
    async () => {
      const random = seeded(sizes.seed);
      const total = sizes.senders * sizes.mails;
      const began = performance.now();
      let server = await startRapport(env);
      started.push(server);

      // Kill points: a random fraction of the mails acknowledged inside each of `kills` equal slices
      // of 10–85 % of the run (so every kill lands while mails are in flight), plus a little jitter.
      const slice = 0.75 / sizes.kills;
      const killAt = Array.from({ length: sizes.kills }, (_, n) => 0.1 + slice * (n + random()));
      const kills: Array<{ at: number; scope: "node" | "group"; restartMs: number }> = [];
      let sending = true;
      const killer = (async () => {
        for (const [n, fraction] of killAt.entries()) {
          while (sending && tally.acknowledged.size < fraction * total) await sleep(5);
          if (!sending) return;
          await sleep(random() * 40);
          // Alternately the node process alone (its PostgreSQL stays, orphaned) and the whole group
          // (PostgreSQL killed too: crash recovery from its WAL at the next start).
          const scope = n % 2 === 0 ? "node" : "group";
          const at = tally.acknowledged.size;
          await killRapport(server, scope);
          server = await startRapport(env);
          started.push(server);
          kills.push({ at, scope, restartMs: Math.round(server.startMs) });
        }
      })();
      await Promise.all(Array.from({ length: sizes.senders }, (_, s) => runSender(s)));
      sending = false;
      await killer;
      const sendingMs = performance.now() - began;

      const db = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir) });
      await db.connect();
      const stored = await db.query<{ external_id: string; copies: number }>(
        "select external_id, count(*)::int as copies from messages where direction = 'inbound' group by external_id",
      );
      const received = await db.query<{ n: number }>(
        "select count(*)::int as n from events where type = 'message.received'",
      );
      const doubleAcks = await db.query<{ n: number }>(
        "select count(*)::int as n from (select in_reply_to from messages where automated and in_reply_to is not null group by in_reply_to having count(*) > 1) d",
      );
      const counts = await db.query<{ conversations: number; acks: number; withheld: number }>(
        `select (select count(*)::int from conversations) as conversations,
              (select count(*)::int from messages where automated) as acks,
              (select count(*)::int from events where type = 'acknowledgement.withheld') as withheld`,
      );
      // Search vectors are filled after the 250's commit: what a killed node left unindexed, the
      // running one indexes (waited for with a bounded number of looks).
      const vectors = async () =>
        (
          await db.query<{ pending: number; wrong: number }>(
            `select count(*) filter (where search_vector is null)::int as pending,
                    count(*) filter (where search_vector is distinct from rapport_search_vector(body_text))::int as wrong
               from messages`,
          )
        ).rows[0];
      for (let look = 0; look < 300 && (await vectors())?.pending !== 0; look++) await sleep(100);
      const indexed = await vectors();
      await db.end();

      const copies = new Map(stored.rows.map((r) => [r.external_id, r.copies]));
      const lost = [...tally.acknowledged].filter((id) => !copies.has(id));
      const duplicates = stored.rows.filter((r) => r.copies > 1).map((r) => r.external_id);
      const inboundRows = stored.rows.reduce((sum, r) => sum + r.copies, 0);
      const healthy = await fetch(`${server.url}/healthz`);

      const numbers = {
        seed: sizes.seed,
        senders: sizes.senders,
        mails_per_sender: sizes.mails,
        sent: total,
        attempts: tally.attempts,
        acknowledged_250: tally.acknowledged.size,
        kills: kills.map((k) => `${k.scope}@${k.at} (restart ${k.restartMs} ms)`).join(", "),
        connection_lost: tally.connectionLost,
        temporary_4xx: Object.fromEntries(tally.temporary),
        refused_5xx: tally.refused.length,
        resent: tally.resent,
        resent_already_stored: tally.resentAlreadyStored,
        inbound_rows: inboundRows,
        message_received_events: received.rows[0]?.n,
        conversations: counts.rows[0]?.conversations,
        acknowledgements_queued: counts.rows[0]?.acks,
        acknowledgements_withheld: counts.rows[0]?.withheld,
        duplicates_found: duplicates.length,
        double_acknowledgements: doubleAcks.rows[0]?.n,
        lost_found: lost.length,
        messages_not_indexed_for_search: indexed?.pending,
        seconds: Number((sendingMs / 1000).toFixed(1)),
      };
      process.stdout.write(`smtp crash run: ${JSON.stringify(numbers, null, 2)}\n`);

      expect(kills).toHaveLength(sizes.kills);
      expect(tally.refused).toEqual([]);
      expect(tally.acknowledged.size).toBe(total);
      expect(lost).toEqual([]);
      expect(duplicates).toEqual([]);
      expect(inboundRows).toBe(total);
      expect(received.rows[0]?.n).toBe(total);
      expect(doubleAcks.rows[0]?.n).toBe(0);
      expect(indexed).toEqual({ pending: 0, wrong: 0 });
      // Each new conversation got its acknowledgement or a recorded reason for none, in its batch.
      const c = counts.rows[0];
      expect((c?.acks ?? 0) + (c?.withheld ?? 0)).toBe(c?.conversations);
      expect(healthy.status).toBe(200);
      expect(await stopRapport(server)).toBe(0);
    },
    timeoutMs,
  );
});
