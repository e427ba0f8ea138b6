// How fast `rapport start` takes mail from an IMAP mailbox (a real Dovecot): BENCH_IMAP_MAILS (2000)
// mails waiting in the folder taken from the mailbox's connection on (mails per second), then
// BENCH_IMAP_SINGLES (20) mails appended one at a time while the mailbox idles, each timed from its
// APPEND to its commit (p50, p99: what IDLE gives). Run: npx tsx bench/imap.ts
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import pg from "pg";
import { startDovecot } from "../test/helpers/dovecot.ts";
import { connectMailbox } from "../test/helpers/imap-desk.ts";
import {
  embeddedDatabaseUrl,
  type RapportProcess,
  rapportEnv,
  removeDesk,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";

const mails = Number(process.env.BENCH_IMAP_MAILS ?? 2000);
const singles = Number(process.env.BENCH_IMAP_SINGLES ?? 20);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function mailOf(id: string, i: number): string {
  return [
    `From: Client ${i % 50} <client-${i % 50}@bench.example>`,
    "To: contact@bench.example",
    `Subject: Question ${id}`,
    `Message-ID: <${id}@bench.example>`,
    `Date: ${new Date().toUTCString()}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Bonjour, une question au sujet de la commande ${i}. Merci !`,
    "",
  ].join("\r\n");
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const folder = mkdtempSync(path.join(tmpdir(), "rapport-bench-imap-"));
const dataDir = path.join(folder, "data");
const env = rapportEnv(dataDir);
const started: RapportProcess[] = [];
const dovecot = await startDovecot();
try {
  dovecot.deliver(Array.from({ length: mails }, (_, i) => mailOf(`bulk-${i}`, i)));
  const server = await startRapport(env);
  started.push(server);
  const db = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir) });
  await db.connect();
  const count = async (pattern: string) =>
    (
      await db.query<{ n: number }>(
        "select count(*)::int as n from messages where external_id like $1",
        [pattern],
      )
    ).rows[0]?.n ?? 0;

  const began = performance.now();
  await connectMailbox(server.url, env, dovecot, "bench");
  while ((await count("bulk-%")) < mails) await sleep(20);
  const bulkMs = performance.now() - began;
  console.error(`bulk: ${mails} mails in ${Math.round(bulkMs)} ms`);

  const imap = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  imap.on("error", (error) => console.error("bench IMAP client:", error.message));
  await imap.connect();
  const latencies: number[] = [];
  for (let i = 0; i < singles; i++) {
    const id = `single-${i}`;
    const sent = performance.now();
    await imap.append("INBOX", mailOf(id, i));
    while ((await count(`${id}@%`)) < 1) await sleep(5);
    latencies.push(performance.now() - sent);
    console.error(`single ${i}: ${Math.round(latencies.at(-1) ?? 0)} ms`);
  }
  await imap.logout();
  await db.end();
  await stopRapport(server);
  latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        bulk: {
          mails,
          ms: Math.round(bulkMs),
          mailsPerSecond: Math.round((mails / bulkMs) * 1000),
        },
        appendToCommitMs: {
          n: singles,
          p50: Math.round(percentile(latencies, 50)),
          p99: Math.round(percentile(latencies, 99)),
        },
        load: loadavg().map((l) => Number(l.toFixed(2))),
      },
      null,
      2,
    ),
  );
} finally {
  removeDesk(dataDir, started, folder);
  await dovecot.stop();
}
