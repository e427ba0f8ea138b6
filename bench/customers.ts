// What knowing a customer costs on a seeded desk (npm run bench:seed): the intake's sender
// resolution (resolveCustomers) for known and unknown senders, batches of 1 and 64, each in a
// transaction rolled back (nothing stays); then over HTTP, as an advisor feels them, the heavy
// customer's glance (summary), the first page of their timeline (tens of thousands of events) and
// the continuity report of the last 30 days.
// Prints p50/p95/p99. Uses DATABASE_URL (or RAPPORT_DATA_DIR's desk); BENCH_SEED is the seeder's last
// stdout line; BENCH_RUNS (200) runs per measure. Run: npm run bench:customers
import { randomBytes } from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { boot } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";
import { resolveCustomers, type Sender } from "../src/intake/resolve-customer.ts";
import { stopRapport } from "../test/helpers/rapport-process.ts";
import { createToken, getter, openDesk, percentile } from "./http-desk.ts";

const runs = Number(process.env.BENCH_RUNS ?? 200);
const dataDir = path.resolve(process.env.RAPPORT_DATA_DIR ?? "./data");
const seed = process.env.BENCH_SEED
  ? (JSON.parse(process.env.BENCH_SEED) as { heavy_customer_id: string })
  : null;

type Row = { measure: string; times: number[]; note: string };
const rows: Row[] = [];
/** How many events the heavy customer's timeline holds (counted while attached). */
let heavyEvents = "?";

/** The sender resolution, timed alone inside a transaction that is then rolled back. */
async function resolution() {
  const desk = await boot(
    loadConfig({
      DATABASE_URL: process.env.DATABASE_URL,
      RAPPORT_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    }),
    { mode: "attach" },
  );
  const { rt, workspaceId } = desk;
  try {
    const known = (
      await rt.db.execute<{ value: string }>(
        sql`select value from customer_identities tablesample system (2)
            where workspace_id = ${workspaceId} and kind = 'email' limit ${64 * 40}`,
      )
    ).rows.map((r) => r.value);
    if (known.length < 64) throw new Error("the desk has too few customers: run bench:seed first");
    if (seed) {
      const [counted] = (
        await rt.db.execute<{ n: string }>(
          sql`select count(*) as n from events
              where workspace_id = ${workspaceId} and customer_id = ${seed.heavy_customer_id}`,
        )
      ).rows;
      heavyEvents = Number(counted?.n ?? 0).toLocaleString("en");
    }
    let next = 0;
    const knownSenders = (n: number): Sender[] =>
      Array.from({ length: n }, () => ({ email: known[next++ % known.length] ?? "", name: "" }));
    const unknownSenders = (n: number): Sender[] =>
      Array.from({ length: n }, () => {
        const who = randomBytes(6).toString("hex");
        return { email: `${who}@unknown.example`, name: `Someone ${who}` };
      });
    const rolledBack = new Error("rolled back");
    const once = async (senders: Sender[]) => {
      let took = 0;
      await rt.db
        .transaction(async (tx) => {
          const began = performance.now();
          await resolveCustomers(tx, rt, workspaceId, senders);
          took = performance.now() - began;
          throw rolledBack;
        })
        .catch((e: unknown) => {
          if (e !== rolledBack) throw e;
        });
      return took;
    };
    for (const [kind, make] of [
      ["known", knownSenders],
      ["unknown", unknownSenders],
    ] as const) {
      for (const batch of [1, 64]) {
        const count = batch === 1 ? runs : Math.max(20, Math.floor(runs / 2));
        await once(make(batch));
        const times: number[] = [];
        for (let i = 0; i < count; i++) times.push(await once(make(batch)));
        rows.push({
          measure: `sender resolution, ${kind}, batch of ${batch}`,
          times,
          note: "in-process, per batch",
        });
        process.stderr.write(`bench: ${kind} × ${batch} done\n`);
      }
    }
  } finally {
    await desk.close();
  }
}

/** The heavy customer's glance and timeline over HTTP. */
async function reads() {
  const { url, started } = await openDesk(dataDir);
  try {
    const get = getter(url, createToken(dataDir, "bench-customers"));
    const heavy =
      seed?.heavy_customer_id ??
      ((await get("/api/v1/customers?limit=1")).body as { items: Array<{ id: string }> }).items[0]
        ?.id;
    if (!heavy) throw new Error("no customer: run bench:seed first");
    const note = `over HTTP, wall time; ${heavyEvents} events`;
    for (const [measure, pathAndQuery] of [
      ["customer summary (heavy)", `/api/v1/customers/${heavy}/summary`],
      ["timeline first page (heavy)", `/api/v1/customers/${heavy}/timeline`],
      ["continuity report, last 30 days", "/api/v1/reports/continuity"],
    ] as const) {
      await get(pathAndQuery);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await get(pathAndQuery)).sample.wall);
      rows.push({ measure, times, note });
      process.stderr.write(`bench: ${measure} done\n`);
    }
  } finally {
    if (started) await stopRapport(started);
  }
}

await resolution();
await reads();
const ms = (v: number) => v.toFixed(1).padStart(8);
const width = Math.max(...rows.map((r) => r.measure.length));
process.stdout.write(
  `${[
    `${"measure".padEnd(width)}  runs       p50       p95       p99`,
    ...rows.map(
      (r) =>
        `${r.measure.padEnd(width)}  ${String(r.times.length).padStart(4)}  ${ms(percentile(r.times, 50))}  ${ms(percentile(r.times, 95))}  ${ms(percentile(r.times, 99))}  ${r.note}`,
    ),
    "times in ms",
  ].join("\n")}\n`,
);
