// Every benchmark, one after the other, each in its own process so none warms up or slows down the
// next: the parser on the SpamAssassin corpus, one query's round trip, the spam decision on the
// corpus, cold start, SMTP ingest with the realistic mix (authentication on and off), then the
// console's reads at scale and what knowing a customer costs there. Run: npm run bench (small
// sizes; set BENCH_* yourself for a real run).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const here = import.meta.dirname;

/** Small enough for a laptop or CI in a couple of minutes; an environment variable set wins. */
const defaults: Record<string, Record<string, string>> = {
  "cold-start.ts": { BENCH_RUNS: "1" },
  "ingest.ts": {
    BENCH_SENDERS: "16",
    BENCH_MAILS: "25",
    BENCH_FRESH_MAILS: "3",
    BENCH_SECONDS: "60",
    BENCH_STEP_MAILS: "200",
  },
  "spam-corpus.ts": { SPAM_CORPUS_ADVISORS: "1" },
  "import.ts": { BENCH_CUSTOMERS: "20000", BENCH_ORDERS: "60000" },
  "imap.ts": { BENCH_IMAP_MAILS: "500", BENCH_IMAP_SINGLES: "10" },
};

/** In order. The scale benches (a seeded million-conversation desk, then the reads on it) run when present. */
const benches: Array<{ file: string; optional?: boolean }> = [
  { file: "parse.ts" },
  { file: "round-trip.ts" },
  { file: "spam-corpus.ts" },
  { file: "cold-start.ts" },
  { file: "ingest.ts" },
  { file: "import.ts" },
  { file: "imap.ts" },
  { file: "widget.ts" },
  { file: "seed.ts", optional: true },
  { file: "reads.ts", optional: true },
  { file: "customers.ts", optional: true },
];

/** What the seeder printed last (the heavy customer and body words): the reads bench needs it. */
let seeded: string | undefined;

function runBench(file: string): Promise<number> {
  console.log(`\n== ${file} ==`);
  const env = Object.fromEntries(
    Object.entries(defaults[file] ?? {}).map(([key, value]) => [key, process.env[key] ?? value]),
  );
  if ((file === "reads.ts" || file === "customers.ts") && seeded && !process.env.BENCH_SEED)
    env.BENCH_SEED = seeded;
  const began = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, file)], {
    env: { ...process.env, ...env },
    stdio: ["inherit", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      if (file === "seed.ts" && code === 0) seeded = output.trim().split("\n").at(-1);
      console.log(
        `== ${file}: exit ${code}, ${((performance.now() - began) / 1000).toFixed(1)} s ==`,
      );
      resolve(code ?? 1);
    });
  });
}

const codes: number[] = [];
for (const { file, optional } of benches) {
  if (optional && !existsSync(path.join(here, file))) {
    console.log(`\n== ${file}: not here yet, skipped ==`);
    continue;
  }
  codes.push(await runBench(file));
}
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
