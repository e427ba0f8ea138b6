// Runs the whole public SpamAssassin corpus through the SMTP receiver of a real `rapport start` (fresh
// embedded desk) and reports what became of each mail. Run: npx tsx scripts/corpus-run.ts
// CORPUS_CONNECTIONS (4) mails at once; CORPUS_LIMIT to feed fewer; CORPUS_KEEP=1 keeps the data folder.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { parseMail } from "../src/channels/email/parse.ts";
import { type FedMail, fallbackSender, feedOverSmtp } from "../test/helpers/corpus-feed.ts";
import {
  embeddedDatabaseUrl,
  type RapportProcess,
  rapportEnv,
  removeDesk,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";
import { type CorpusMail, loadCorpus } from "../test/helpers/spam-corpus.ts";

const connections = Number(process.env.CORPUS_CONNECTIONS ?? 4);
const limit = process.env.CORPUS_LIMIT ? Number(process.env.CORPUS_LIMIT) : undefined;
const recipient = "support@rapport.localhost";

/** An SMTP answer without what varies from mail to mail (references, addresses, sizes). */
const reasonOf = (text: string) =>
  text
    .replace(/stored as [A-Z2-9]{8}/, "stored as …")
    .replace(/unknown message \S+/, "unknown message …")
    .replace(/<[^>]*>/g, "<…>")
    .slice(0, 160);

function tally<T>(items: T[], key: (item: T) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

async function databaseCounts(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const one = async (sql: string) => ((await db.query(sql)).rows[0] as { n: number }).n;
    return {
      conversations: await one("select count(*)::int as n from conversations"),
      customers: await one("select count(*)::int as n from customers"),
      inbound: await one("select count(*)::int as n from messages where direction = 'inbound'"),
      flaggedAutomated: await one(
        "select count(*)::int as n from messages where direction = 'inbound' and exists (select 1 from jsonb_array_elements_text(flags) f where f like 'automated:%')",
      ),
      spam: await one(
        "select count(*)::int as n from messages where direction = 'inbound' and spam",
      ),
      acknowledgements: await one("select count(*)::int as n from messages where automated"),
      withheld: (
        await db.query<{ reason: string; n: number }>(
          "select data->>'reason' as reason, count(*)::int as n from events where type = 'acknowledgement.withheld' group by 1 order by 2 desc",
        )
      ).rows,
      automationReasons: (
        await db.query<{ reason: string; n: number }>(
          "select r as reason, count(*)::int as n from events, jsonb_array_elements_text(data->'automation') r where type = 'acknowledgement.withheld' group by 1 order by 2 desc",
        )
      ).rows,
      attachments: await one("select count(*)::int as n from attachments"),
    };
  } finally {
    await db.end();
  }
}

type LoggedError = { type?: string; message?: string; cause?: LoggedError };

type GroupRow = { group: string; stored: number; spam: number; score: number; acked: number };

/** Per corpus folder (easy-ham-1 … spam-2): stored, scored likely spam, acknowledged. */
async function byGroup(url: string, mails: CorpusMail[]): Promise<GroupRow[]> {
  const groupOf = new Map<string, string>();
  for (const mail of mails) {
    const id = (await parseMail(mail.raw)).messageId;
    if (id) groupOf.set(id, mail.name.split("/")[0] ?? "");
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{
      id: string;
      spam: boolean;
      score: number | null;
      acked: boolean;
    }>(
      `select m.external_id as id, m.spam, m.spam_score::float8 as score,
              exists (select 1 from messages a where a.automated and a.in_reply_to = m.external_id) as acked
         from messages m where m.direction = 'inbound' and m.external_id is not null`,
    );
    const groups = new Map<string, GroupRow>();
    for (const row of rows) {
      const group = groupOf.get(row.id) ?? "(unknown)";
      const g = groups.get(group) ?? { group, stored: 0, spam: 0, score: 0, acked: 0 };
      g.stored += 1;
      g.spam += row.spam ? 1 : 0;
      g.score += row.score ?? 0;
      g.acked += row.acked ? 1 : 0;
      groups.set(group, g);
    }
    return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group));
  } finally {
    await db.end();
  }
}

/** The server's own account of each 451 (its log line for "could not store a mail"), root cause first. */
function storageFailures(stderr: string): Array<[string, number]> {
  const reasons: string[] = [];
  for (const line of stderr.split("\n")) {
    if (!line.includes("could not store a mail")) continue;
    try {
      const chain: string[] = [];
      for (let err = (JSON.parse(line) as { err?: LoggedError }).err; err; err = err.cause) {
        // A failed query's message repeats the SQL and its parameters: keep the first words only.
        const first = (err.message ?? "").split("\n")[0] ?? "";
        chain.unshift(`${err.type ?? "Error"}: ${first.slice(0, 120)}`);
      }
      reasons.push(chain.join(" ← "));
    } catch {
      reasons.push(line.slice(0, 200));
    }
  }
  return tally(reasons, (r) => r);
}

/** A few of the mails that got this answer. */
function examples(results: FedMail[], reason: string): string {
  const names = results.filter((r) => reasonOf(r.answer.text) === reason).map((r) => r.name);
  return `${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}`;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), "rapport-corpus-"));
  const dataDir = path.join(folder, "data");
  const processes: RapportProcess[] = [];
  try {
    const mails = loadCorpus(limit);
    const server = await startRapport(rapportEnv(dataDir));
    processes.push(server);
    console.log(
      `SpamAssassin corpus: ${mails.length} mails to ${recipient} over ${connections} SMTP connections ` +
        `(desk started in ${server.startMs.toFixed(0)} ms, data in ${dataDir})`,
    );
    const began = performance.now();
    let results: FedMail[] = [];
    let feedError: unknown = null;
    try {
      results = await feedOverSmtp(server.smtpPort, mails, {
        connections,
        recipient,
        onAnswer: (done) => {
          if (done % 500 === 0) process.stderr.write(`  ${done} mails answered\n`);
        },
      });
    } catch (error) {
      feedError = error;
    }
    const seconds = (performance.now() - began) / 1000;
    const health = await fetch(`${server.url}/healthz`).catch(() => null);
    const alive = server.child.exitCode === null;

    const accepted = results.filter((r) => r.answer.code === 250);
    const duplicates = accepted.filter((r) => r.answer.text.includes("already received"));
    const refused = results.filter((r) => r.answer.code >= 500);
    const temporary = results.filter((r) => r.answer.code >= 400 && r.answer.code < 500);
    const broken = results.filter((r) => r.answer.code === 0);
    const counts = await databaseCounts(embeddedDatabaseUrl(dataDir));

    console.log(
      `\nfed ${results.length} of ${mails.length} in ${seconds.toFixed(1)} s (${(results.length / seconds).toFixed(0)} mails/s)`,
    );
    console.log(
      `envelope sender: the From address for ${results.filter((r) => r.sender !== fallbackSender).length}, ${fallbackSender} for ${results.filter((r) => r.sender === fallbackSender).length}`,
    );
    console.log(
      `250 accepted: ${accepted.length} (of which "already received": ${duplicates.length})`,
    );
    for (const [reason, n] of tally(accepted, (r) => reasonOf(r.answer.text)))
      console.log(`  ${String(n).padStart(5)}  ${reason}`);
    console.log(`5xx refused: ${refused.length}`);
    for (const [reason, n] of tally(refused, (r) => reasonOf(r.answer.text)))
      console.log(`  ${String(n).padStart(5)}  ${reason}  (${examples(refused, reason)})`);
    console.log(`4xx temporary: ${temporary.length}`);
    for (const [reason, n] of tally(temporary, (r) => reasonOf(r.answer.text)))
      console.log(`  ${String(n).padStart(5)}  ${reason}  (${examples(temporary, reason)})`);
    if (broken.length > 0) console.log(`no answer (connection broken): ${broken.length}`);
    if (temporary.length > 0) {
      console.log("server log for the storage failures:");
      for (const [reason, n] of storageFailures(server.stderr()))
        console.log(`  ${String(n).padStart(5)}  ${reason}`);
    }

    console.log(
      `\nstored: ${counts.inbound} inbound messages, ${counts.conversations} conversations, ${counts.customers} customers, ${counts.attachments} attachments`,
    );
    console.log(`inbound flagged as automated (no acknowledgement): ${counts.flaggedAutomated}`);
    console.log(`inbound scored as likely spam: ${counts.spam}`);
    const withheld = counts.withheld.reduce((sum, row) => sum + row.n, 0);
    console.log(`acknowledgements queued: ${counts.acknowledgements}; withheld: ${withheld}`);
    for (const row of counts.withheld) console.log(`  ${String(row.n).padStart(5)}  ${row.reason}`);
    if (counts.automationReasons.length > 0) {
      console.log("  automation signals behind 'automated':");
      for (const row of counts.automationReasons)
        console.log(`    ${String(row.n).padStart(5)}  ${row.reason}`);
    }
    console.log(
      `  ${String(counts.inbound - counts.acknowledgements - withheld).padStart(5)}  neither (a message added to an open conversation: no acknowledgement, no event)`,
    );
    console.log("by corpus folder (messages with a Message-ID):");
    for (const g of await byGroup(embeddedDatabaseUrl(dataDir), mails)) {
      console.log(
        `  ${g.group.padEnd(12)} stored ${String(g.stored).padStart(5)}  likely spam ${String(g.spam).padStart(5)}  ` +
          `mean score ${(g.score / g.stored).toFixed(1).padStart(5)}  acknowledged ${String(g.acked).padStart(5)}`,
      );
    }

    console.log(
      `\nserver: ${alive ? "still running" : `exited with ${server.child.exitCode}`}, /healthz ${health?.status ?? "no answer"}` +
        (feedError ? `; feeding stopped: ${String(feedError)}` : ""),
    );
    if (alive) {
      const code = await stopRapport(server);
      console.log(`stopped with SIGTERM: exit code ${code}`);
    } else {
      console.log(`server log tail:\n${server.stderr().slice(-4000)}`);
    }
  } finally {
    const keep = process.env.CORPUS_KEEP === "1";
    const last = processes.at(-1);
    if (keep && last) writeFileSync(path.join(folder, "rapport.log"), last.stderr());
    removeDesk(dataDir, processes, keep ? undefined : folder);
    if (keep) console.log(`kept ${folder}`);
  }
}

await main();
