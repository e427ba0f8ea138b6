// End-to-end SMTP ingest of the real `rapport start` (fsync on), on loopback, with the realistic mail
// mix (mail-mix.ts): mails/s, time to 250, CPU per mail per process, with inbound authentication on
// (RAPPORT_MAIL_AUTH=dns, the default) and off; then each step's cost per mail measured in-process on
// the same mails, and the bare parse rate. Run: npm run bench:ingest
// BENCH_SENDERS (16) × BENCH_MAILS (200) over one connection each, then BENCH_FRESH_MAILS (50) each
// over a new connection per mail; BENCH_SECONDS (120) bounds each phase; BENCH_AUTH ("dns,off") the
// runs; BENCH_SEED (1) the mix; BENCH_DATABASE_URL runs on that PostgreSQL server (a database of its
// own, dropped afterwards) instead of the embedded one; BENCH_NODE_ARGS passes flags to the server's
// node (e.g. --cpu-prof); BENCH_STEP_MAILS (800) how many of the mails the step costs run on;
// BENCH_BATCH (the number of senders) the batch size of the whole intake measured in-process.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { parseMail } from "../src/channels/email/parse.ts";
import { folderBlobStore } from "../src/store/blobs/folder-blob-store.ts";
import {
  cpuSecondsOf,
  embeddedDatabaseUrl,
  memoryOf,
  postgresCpuSeconds,
  postgresPids,
  type RapportProcess,
  rapportEnv,
  removeDesk,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";
import { openSmtp, type SmtpAnswer } from "../test/helpers/smtp-client.ts";
import { dnsProbe, stepCosts } from "./ingest-steps.ts";
import { intakeCost } from "./ingest-store.ts";
import { mailMix } from "./mail-mix.ts";

const numberFrom = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const sizes = {
  seed: numberFrom("BENCH_SEED", 1),
  senders: numberFrom("BENCH_SENDERS", 16),
  mails: numberFrom("BENCH_MAILS", 200),
  freshMails: numberFrom("BENCH_FRESH_MAILS", 50),
  seconds: numberFrom("BENCH_SECONDS", 120),
};
const run = randomBytes(3).toString("hex");
const to = ["support@rapport.localhost"];

type Mail = { from: string; raw: Buffer };

/** Each sender writes for its own customers, so its replies thread onto its own earlier mails. */
const mailsOf = (phase: string, s: number, count: number): Mail[] =>
  mailMix({
    seed: sizes.seed * 1000 + s,
    count,
    to: to[0] as string,
    prefix: `${run}-${phase}-${s}`,
  });

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

type Run = {
  auth: Auth;
  rate: number;
  p50: number;
  p99: number;
  serverMs: number;
  postgresMs: number | null;
};
type Auth = "dns" | "off";

/** One fresh desk with inbound authentication `auth`: the warm-up, both phases, counters; then stopped. */
async function runDesk(auth: Auth, reused: Mail[][], fresh: Mail[][]): Promise<Run> {
  const folder = mkdtempSync(path.join(tmpdir(), "rapport-bench-"));
  const dataDir = path.join(folder, "data");
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const benchDatabase = `rapport_bench_${run}_${auth}`;
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
      rapportEnv(dataDir, {
        RAPPORT_MAIL_AUTH: auth,
        // Every sender here comes from one address; a real desk's senders come from many.
        SMTP_MAX_CONNECTIONS_PER_CLIENT: String(sizes.senders * 2),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl.toString() } : {}),
      }),
      // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
      { nodeArgs: (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean) },
    );
    processes.push(server);
    const dbUrl = databaseUrl?.toString() ?? embeddedDatabaseUrl(dataDir);
    console.log(
      `\n-- inbound authentication ${auth === "dns" ? "on (RAPPORT_MAIL_AUTH=dns)" : "off (RAPPORT_MAIL_AUTH=off)"}: ` +
        `${serverUrl ? "PostgreSQL server" : "embedded PostgreSQL"}, fsync ${await fsyncSetting(dbUrl)}; started in ${server.startMs.toFixed(0)} ms`,
    );

    const cpu = () => ({
      server: cpuSecondsOf([server.pid]),
      postgres: serverUrl ? null : postgresCpuSeconds(dataDir),
    });
    const spent = (before: ReturnType<typeof cpu>) => {
      const after = cpu();
      const postgres =
        after.postgres === null || before.postgres === null
          ? null
          : after.postgres - before.postgres;
      return { server: after.server - before.server, postgres };
    };
    await phase("warm-up", server, [mailsOf(`warm-${auth}`, 0, 40)], false);

    const countersBefore = await databaseCounters(dbUrl);
    let cpuBefore = cpu();
    const one = await phase("one connection per sender", server, reused, false);
    const oneCpu = spent(cpuBefore);
    const rate = report(one, oneCpu);
    const countersAfter = await databaseCounters(dbUrl);
    const serverMemory = memoryOf([server.pid]);
    const postgresMemory = serverUrl ? null : memoryOf(postgresPids(dataDir));

    cpuBefore = cpu();
    if (sizes.freshMails > 0)
      report(await phase("a new connection per mail", server, fresh, true), spent(cpuBefore));

    const per = (key: "commits" | "rows" | "fsyncs") =>
      ((countersAfter[key] - countersBefore[key]) / one.mails).toFixed(2);
    console.log(
      `per mail (one connection per sender): ${per("commits")} commits, ${per("fsyncs")} WAL fsyncs, ` +
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
    const code = await stopRapport(server);
    if (code !== 0) throw new Error(`rapport stopped with exit code ${code}: ${server.stderr()}`);
    const times = one.answers.map((answer) => answer.ms).sort((x, y) => x - y);
    return {
      auth,
      rate,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      serverMs: (1000 * oneCpu.server) / one.mails,
      postgresMs: oneCpu.postgres === null ? null : (1000 * oneCpu.postgres) / one.mails,
    };
  } finally {
    removeDesk(dataDir, processes, folder);
    if (databaseUrl) await admin(`drop database if exists ${benchDatabase} with (force)`);
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

async function main(): Promise<void> {
  const auths = (process.env.BENCH_AUTH ?? "dns,off")
    .split(",")
    .map((a) => a.trim())
    .filter((a): a is Auth => a === "dns" || a === "off");
  const reused = Array.from({ length: sizes.senders }, (_, s) => mailsOf("reused", s, sizes.mails));
  const fresh = Array.from({ length: sizes.senders }, (_, s) =>
    mailsOf("fresh", s, sizes.freshMails),
  );
  const all = reused.flat();
  const bytes = all.reduce((sum, mail) => sum + mail.raw.length, 0);
  const dns = await dnsProbe();
  console.log(
    `Rapport ingest bench: ${sizes.senders} senders × ${sizes.mails} mails (one connection each), ` +
      `then × ${sizes.freshMails} (a connection per mail); mail mix seed ${sizes.seed}, ` +
      `${(bytes / all.length / 1024).toFixed(1)} kB on average; Node ${process.version}`,
  );
  // The server resolves with the system's resolver (2 s timeout, one try): where DNS times out
  // instead of failing, every authenticated mail would wait seconds, so say what it does here.
  console.log(
    `DNS here: a look-up answers ${dns.answer} in ${dns.ms.toFixed(1)} ms` +
      (dns.ms > 200
        ? " — slow: with authentication on, mails wait on DNS (BENCH_AUTH=off skips that run)"
        : " (fails fast: authentication costs its CPU, not DNS waits)"),
  );

  const runs: Run[] = [];
  for (const auth of auths) runs.push(await runDesk(auth, reused, fresh));

  const parsed = await parseRate(all);
  const folder = mkdtempSync(path.join(tmpdir(), "rapport-bench-blobs-"));
  const blobs = await blobRate(folder, all).finally(() =>
    rmSync(folder, { recursive: true, force: true }),
  );
  console.log("\n-- summary (one connection per sender)");
  for (const r of runs) {
    console.log(
      `auth ${r.auth.padEnd(4)} ${r.rate.toFixed(0).padStart(5)} mails/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)} to 250  ` +
        `CPU per mail: server ${ms(r.serverMs)}, PostgreSQL ${r.postgresMs === null ? "not measured" : ms(r.postgresMs)}  ` +
        `(${((100 * r.rate) / parsed).toFixed(1)} % of the parse ceiling)`,
    );
  }
  console.log(
    `parse ceiling: parseMail alone on the same mails ${parsed.toFixed(0)} mails/s` +
      runs
        .map((r) => `; auth ${r.auth}: ${(parsed / r.rate).toFixed(0)}× faster than ingest`)
        .join(""),
  );
  console.log(
    `blob store put alone (write, fsync, rename, folder fsync), ${sizes.senders} at once: ${blobs.toFixed(0)} puts/s`,
  );

  // Steps in-process, on the same mails (one of each sender in turn, as they arrive over SMTP),
  // with each run's authentication setting.
  const sample = reused
    .flatMap((mails, s) => mails.map((mail, i) => ({ mail, order: i * sizes.senders + s })))
    .sort((a, b) => a.order - b.order)
    .map((m) => m.mail)
    .slice(0, numberFrom("BENCH_STEP_MAILS", 800));
  const batch = numberFrom("BENCH_BATCH", sizes.senders);
  for (const r of runs) {
    // A first pass warms the code up (the server measured above was warm too), the second counts.
    await stepCosts(sample, r.auth);
    const costs = await stepCosts(sample, r.auth);
    const known = costs.reduce((sum, c) => sum + c.cpuMs, 0);
    const whole = await intakeCost(sample, r.auth, batch);
    console.log(
      `\n-- each step per mail, in-process on ${sample.length} of the mails (auth ${r.auth}): CPU (wall)`,
    );
    for (const c of costs) {
      console.log(
        `${c.step.padEnd(44)} ${ms(c.cpuMs).padStart(9)} (${ms(c.wallMs)})  ${((100 * c.cpuMs) / whole.serverMs).toFixed(0).padStart(3)} % of the intake's CPU per mail`,
      );
    }
    const rest = whole.serverMs - known;
    console.log(
      `${"store + acknowledge (intake − the above)".padEnd(44)} ${ms(rest).padStart(9)}             ${((100 * rest) / whole.serverMs).toFixed(0).padStart(3)} %`,
    );
    // The whole intake in batches of a fixed size: unlike the SMTP run's, its figures do not change
    // with the batches a busy or quiet machine happens to form.
    console.log(
      `${`the whole intake, batches of ${batch}`.padEnd(44)} ${ms(whole.serverMs).padStart(9)}  (main thread ${ms(whole.mainThreadMs)}); PostgreSQL ${ms(whole.postgresMs)} per mail`,
    );
    console.log(
      `${"SMTP and the rest (server CPU − intake)".padEnd(44)} ${ms(r.serverMs - whole.serverMs).padStart(9)}  in the SMTP run above`,
    );
  }
}

await main();
