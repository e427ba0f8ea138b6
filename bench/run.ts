// Every benchmark, one after the other, each in its own process so none warms up or slows down the
// next: the parser on the SpamAssassin corpus, one query's round trip, the spam decision on the
// corpus, then SMTP ingest with small sizes. Run: npm run bench
import { spawn } from "node:child_process";
import path from "node:path";

const here = import.meta.dirname;

/** Small enough for a laptop or CI in a couple of minutes; set BENCH_* yourself for a real run. */
const ingestDefaults = {
  BENCH_SENDERS: "8",
  BENCH_MAILS: "50",
  BENCH_FRESH_MAILS: "10",
  BENCH_SECONDS: "60",
};

function runBench(file: string, env: Record<string, string> = {}): Promise<number> {
  console.log(`\n== ${file} ==`);
  const began = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, file)], {
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      console.log(
        `== ${file}: exit ${code}, ${((performance.now() - began) / 1000).toFixed(1)} s ==`,
      );
      resolve(code ?? 1);
    });
  });
}

const ingestEnv = Object.fromEntries(
  Object.entries(ingestDefaults).map(([key, value]) => [key, process.env[key] ?? value]),
);
const codes = [
  await runBench("parse.ts"),
  await runBench("round-trip.ts"),
  await runBench("spam-corpus.ts", { SPAM_CORPUS_ADVISORS: "1" }),
  await runBench("ingest.ts", ingestEnv),
];
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
