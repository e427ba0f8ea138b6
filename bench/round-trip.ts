// What one query costs on this machine, whatever it asks: round trips to the embedded PostgreSQL over
// loopback, with the client's CPU per query. Intake pays it ~25 times a mail, so this bounds the
// mails/s a one-mail-per-transaction intake can reach. Run: npx tsx bench/round-trip.ts
// BENCH_QUERIES (5000) per measure; BENCH_DATABASE_URL measures that server instead.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import { type Cluster, startCluster } from "../src/store/embedded/cluster.ts";

const queries = Number(process.env.BENCH_QUERIES ?? 5000);

async function measure(url: string, label: string, sql: string, values: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 300; i++) await client.query(sql, values);
    const began = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < queries; i++) await client.query(sql, values);
    const ms = performance.now() - began;
    const used = process.cpuUsage(cpu);
    console.log(
      `${label.padEnd(44)} ${String(Math.round((queries / ms) * 1000)).padStart(6)} queries/s   ` +
        `client CPU ${((used.user + used.system) / queries).toFixed(0).padStart(4)} µs/query   ` +
        `wall ${((ms * 1000) / queries).toFixed(0).padStart(4)} µs/query`,
    );
  } finally {
    await client.end();
  }
}

const folder = mkdtempSync(path.join(tmpdir(), "rapport-round-trip-"));
let cluster: Cluster | null = null;
try {
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    cluster = await startCluster({
      dataDir: path.join(folder, "data"),
      log: pino({ level: "warn" }),
    });
    url = cluster.url;
  }
  console.log(
    `${queries} queries, one at a time, on ${cluster ? "the embedded PostgreSQL" : "a server"}`,
  );
  await measure(url, "select 1", "select 1", []);
  await measure(url, "select $1 (extended protocol, a parameter)", "select $1::int", [7]);
  await measure(
    url,
    "a catalog look-up by key",
    "select relname from pg_class where oid = $1",
    [1259],
  );
} finally {
  await cluster?.stop();
  rmSync(folder, { recursive: true, force: true });
}
