// End-to-end SMTP ingest of the real `rapport start` (fsync on), on loopback: mails/s, time to 250,
// memory, where the CPU goes, and the bare parse rate of the same mails. Run: npm run bench:ingest
// BENCH_SENDERS (16) × BENCH_MAILS (200) over one connection each, then BENCH_FRESH_MAILS (50) each
// over a new connection per mail; BENCH_SECONDS (120) bounds each phase; BENCH_DATABASE_URL runs on
// that PostgreSQL server (a database of its own, dropped afterwards) instead of the embedded one;
// BENCH_NODE_ARGS passes flags to the server's node (e.g. --cpu-prof).
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { parseMail } from "../src/channels/email/parse.ts";
import { folderBlobStore } from "../src/store/blobs/folder-blob-store.ts";
import {
  cpuSecondsOf,
  embeddedDatabaseUrl,
  memoryOf,
  postgresPids,
  type RapportProcess,
  rapportEnv,
  removeDesk,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";
import { openSmtp, type SmtpAnswer } from "../test/helpers/smtp-client.ts";

const numberFrom = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const sizes = {
  senders: numberFrom("BENCH_SENDERS", 16),
  mails: numberFrom("BENCH_MAILS", 200),
  freshMails: numberFrom("BENCH_FRESH_MAILS", 50),
  seconds: numberFrom("BENCH_SECONDS", 120),
};
const run = randomBytes(3).toString("hex");
const to = ["support@rapport.localhost"];

type Mail = { from: string; raw: Buffer };

/** A plain customer mail, text and HTML (about 2.5 kB); every other round replies to the last one. */
function mailOf(phase: string, s: number, i: number): Mail {
  const customer = `${phase}-${s}-${i % 40}@bench.example`;
  const id = (n: number) => `<${run}-${phase}-${s}-${n}@bench.example>`;
  const reply = Math.floor(i / 40) % 2 === 1;
  const paragraph =
    "I ordered a pair of walking boots three weeks ago and the tracking page has not moved since. " +
    "Could you tell me where the parcel is, and whether I can still get it before my trip?";
  const text = `Hello,\r\n\r\n${paragraph}\r\n\r\n${paragraph}\r\n\r\nOrder ${s}-${i}\r\n\r\nThank you\r\nCustomer ${s}`;
  const html = `<html><body><p>Hello,</p><p>${paragraph}</p><p>${paragraph}</p><p><b>Order ${s}-${i}</b></p><p>Thank you<br>Customer ${s}</p></body></html>`;
  const boundary = `b-${run}-${s}-${i}`;
  const lines = [
    `From: Customer ${s} <${customer}>`,
    `To: ${to[0]}`,
    `Subject: ${reply ? "Re: " : ""}Where is order ${s}-${reply ? i - 40 : i}?`,
    `Message-ID: ${id(i)}`,
    ...(reply ? [`In-Reply-To: ${id(i - 40)}`, `References: ${id(i - 40)}`] : []),
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
    `--${boundary}`,
    "Content-Type: text/html; charset=utf-8",
    "",
    html,
    `--${boundary}--`,
    "",
  ];
  return { from: customer, raw: Buffer.from(lines.join("\r\n")) };
}

const mailsOf = (phase: string, s: number, count: number) =>
  Array.from({ length: count }, (_, i) => mailOf(phase, s, i));

type Phase = { name: string; mails: number; ms: number; answers: SmtpAnswer[] };

/** Sends every sender's mails concurrently; `fresh` opens a new connection for each mail. */
async function phase(
  name: string,
  server: RapportProcess,
  batches: Mail[][],
  fresh: boolean,
): Promise<Phase> {
  const deadline = Date.now() + sizes.seconds * 1000;
  const answers: SmtpAnswer[] = [];
  const began = performance.now();
  await Promise.all(
    batches.map(async (mails) => {
      let session = fresh ? null : await openSmtp(server.smtpPort);
      for (const mail of mails) {
        if (Date.now() > deadline) break;
        const sentAt = performance.now();
        if (!session?.usable()) session = await openSmtp(server.smtpPort);
        const answer = await session.send({ from: mail.from, to }, mail.raw);
        answers.push({ ...answer, ms: performance.now() - sentAt });
        if (fresh) {
          session.close();
          session = null;
        }
      }
      session?.close();
    }),
  );
  return { name, mails: answers.length, ms: performance.now() - began, answers };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function report(result: Phase, cpu: { server: number; postgres: number | null }): number {
  const times = result.answers.map((a) => a.ms).sort((a, b) => a - b);
  const refused = result.answers.filter((a) => a.code !== 250);
  const rate = result.mails / (result.ms / 1000);
  console.log(
    `${result.name.padEnd(34)}${String(result.mails).padStart(6)} mails  ${rate.toFixed(0).padStart(5)} mails/s  ` +
      `p50 ${percentile(times, 50).toFixed(1)} ms  p99 ${percentile(times, 99).toFixed(1)} ms  ` +
      `max ${(times.at(-1) ?? 0).toFixed(0)} ms  not 250: ${refused.length}` +
      (refused[0] ? ` (first: ${refused[0].code} ${refused[0].text})` : ""),
  );
  const seconds = result.ms / 1000;
  console.log(
    `${"".padEnd(34)}CPU: server ${((100 * cpu.server) / seconds).toFixed(0)} % of a core ` +
      `(${((1000 * cpu.server) / result.mails).toFixed(2)} ms/mail), PostgreSQL ` +
      (cpu.postgres === null
        ? "not measured (a server of its own)"
        : `${((100 * cpu.postgres) / seconds).toFixed(0)} % (${((1000 * cpu.postgres) / result.mails).toFixed(2)} ms/mail)`),
  );
  return rate;
}

/** What the database did per mail: commits, WAL flushes (fsyncs) and rows written. */
async function databaseCounters(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const version = Number((await db.query("show server_version_num")).rows[0].server_version_num);
    // WAL flushes moved from pg_stat_wal (PostgreSQL 14–17) to pg_stat_io (18).
    const fsyncs =
      version >= 180000
        ? "select coalesce(sum(fsyncs), 0) from pg_stat_io where object = 'wal'"
        : "select wal_sync from pg_stat_wal";
    const { rows } = await db.query<{ commits: number; rows: number; fsyncs: number }>(
      `select (select xact_commit from pg_stat_database where datname = current_database())::float8 as commits,
              (select tup_inserted + tup_updated from pg_stat_database where datname = current_database())::float8 as rows,
              (${fsyncs})::float8 as fsyncs`,
    );
    return rows[0] as { commits: number; rows: number; fsyncs: number };
  } finally {
    await db.end();
  }
}

async function fsyncSetting(url: string): Promise<string> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query("show fsync")).rows[0].fsync as string;
  } finally {
    await db.end();
  }
}

async function acknowledgements(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ queued: number; sent: number; inbound: number }>(
      `select count(*) filter (where automated)::int as queued,
              count(*) filter (where automated and delivery = 'sent')::int as sent,
              count(*) filter (where direction = 'inbound')::int as inbound
         from messages`,
    );
    return rows[0] as { queued: number; sent: number; inbound: number };
  } finally {
    await db.end();
  }
}

/** The bare parse rate: parseMail over the same mails, median of three passes. */
async function parseRate(mails: Mail[]): Promise<number> {
  const passes: number[] = [];
  for (let round = 0; round < 3; round++) {
    const began = performance.now();
    for (const mail of mails) await parseMail(mail.raw);
    passes.push(mails.length / ((performance.now() - began) / 1000));
  }
  return passes.sort((a, b) => a - b)[1] as number;
}

/** The blob store's durable write (write, fsync, rename, fsync the folder) at the same concurrency. */
async function blobRate(folder: string, mails: Mail[]): Promise<number> {
  const blobs = folderBlobStore(path.join(folder, "blob-bench"));
  const queue = [...mails];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: sizes.senders }, async () => {
      for (let mail = queue.pop(); mail; mail = queue.pop())
        await blobs.put(mail.raw, { kind: "raw", extension: "eml" });
    }),
  );
  return mails.length / ((performance.now() - began) / 1000);
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), "rapport-bench-"));
  const dataDir = path.join(folder, "data");
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const benchDatabase = `rapport_bench_${run}`;
  const adminUrl = serverUrl ? new URL(serverUrl) : null;
  const databaseUrl = adminUrl ? new URL(adminUrl) : null;
  if (databaseUrl) databaseUrl.pathname = `/${benchDatabase}`;
  const processes: RapportProcess[] = [];
  const admin = async (sql: string) => {
    const db = new pg.Client({ connectionString: adminUrl?.toString() });
    await db.connect();
    await db.query(sql).finally(() => db.end());
  };
  try {
    if (databaseUrl) await admin(`create database ${benchDatabase}`);
    const server = await startRapport(
      rapportEnv(dataDir, databaseUrl ? { DATABASE_URL: databaseUrl.toString() } : {}),
      // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
      { nodeArgs: (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean) },
    );
    processes.push(server);
    const dbUrl = databaseUrl?.toString() ?? embeddedDatabaseUrl(dataDir);
    console.log(
      `Rapport ingest bench: ${sizes.senders} senders × ${sizes.mails} mails (one connection each), ` +
        `then × ${sizes.freshMails} (a connection per mail); ${serverUrl ? "PostgreSQL server" : "embedded PostgreSQL"}, fsync ${await fsyncSetting(dbUrl)}; ` +
        `Node ${process.version}; started in ${server.startMs.toFixed(0)} ms\n`,
    );

    const cpu = () => ({
      server: cpuSecondsOf([server.pid]),
      postgres: serverUrl ? null : cpuSecondsOf(postgresPids(dataDir)),
    });
    const spent = (before: ReturnType<typeof cpu>) => {
      const after = cpu();
      const postgres =
        after.postgres === null || before.postgres === null
          ? null
          : after.postgres - before.postgres;
      return { server: after.server - before.server, postgres };
    };
    await phase("warm-up", server, [mailsOf("warm", 0, 40)], false);

    const reused = Array.from({ length: sizes.senders }, (_, s) =>
      mailsOf("reused", s, sizes.mails),
    );
    const countersBefore = await databaseCounters(dbUrl);
    let cpuBefore = cpu();
    const one = await phase("one connection per sender", server, reused, false);
    const rate = report(one, spent(cpuBefore));
    const countersAfter = await databaseCounters(dbUrl);
    const serverMemory = memoryOf([server.pid]);
    const postgresMemory = serverUrl ? null : memoryOf(postgresPids(dataDir));

    cpuBefore = cpu();
    const fresh = Array.from({ length: sizes.senders }, (_, s) =>
      mailsOf("fresh", s, sizes.freshMails),
    );
    if (sizes.freshMails > 0)
      report(await phase("a new connection per mail", server, fresh, true), spent(cpuBefore));

    const per = (key: "commits" | "rows" | "fsyncs") =>
      ((countersAfter[key] - countersBefore[key]) / one.mails).toFixed(2);
    console.log(
      `\nper mail (one connection per sender): ${per("commits")} commits, ${per("fsyncs")} WAL fsyncs, ` +
        `${per("rows")} rows inserted or updated`,
    );
    const acks = await acknowledgements(dbUrl);
    console.log(
      `stored: ${acks.inbound} inbound messages; acknowledgements queued: ${acks.queued} (sent so far: ${acks.sent})`,
    );
    console.log(
      `memory after the run: server RSS ${mb(serverMemory.rssBytes)}` +
        (postgresMemory
          ? `; PostgreSQL ${postgresPids(dataDir).length} processes RSS ${mb(postgresMemory.rssBytes)} (PSS ${mb(postgresMemory.pssBytes)})`
          : "; PostgreSQL: a server of its own, not measured"),
    );

    const all = reused.flat();
    const parsed = await parseRate(all);
    const blobs = await blobRate(folder, all);
    console.log(
      `\nparseMail alone on the same mails: ${parsed.toFixed(0)} mails/s (ingest is ${((100 * rate) / parsed).toFixed(1)} % of it)`,
    );
    console.log(
      `blob store put alone (write, fsync, rename, folder fsync), ${sizes.senders} at once: ${blobs.toFixed(0)} puts/s`,
    );
    const code = await stopRapport(server);
    if (code !== 0) throw new Error(`rapport stopped with exit code ${code}: ${server.stderr()}`);
  } finally {
    removeDesk(dataDir, processes, folder);
    if (databaseUrl) await admin(`drop database if exists ${benchDatabase} with (force)`);
  }
}

await main();
