// How long `rapport start` takes to answer 200 on /healthz: on a fresh data folder with and without
// the demo story, and restarted on a folder that already holds a desk. Run: npx tsx bench/cold-start.ts
// BENCH_RUNS (5) runs of each; the console must be built already (npm install builds it).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type RapportProcess,
  rapportEnv,
  removeDesk,
  repositoryRoot,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";

const runs = Number(process.env.BENCH_RUNS ?? 5);

type Case = { name: string; times: number[] };

/** Starts a desk on `dataDir` and stops it cleanly, answering the milliseconds to healthy. */
async function startOnce(dataDir: string, demo: boolean, processes: RapportProcess[]) {
  const server = await startRapport(rapportEnv(dataDir, { RAPPORT_DEMO: demo ? "1" : "0" }));
  processes.push(server);
  const code = await stopRapport(server);
  if (code !== 0) throw new Error(`rapport stopped with exit code ${code}: ${server.stderr()}`);
  return server.startMs;
}

async function measure(): Promise<Case[]> {
  const cold: Case = { name: "fresh folder, no demo", times: [] };
  const demo: Case = { name: "fresh folder, demo story", times: [] };
  const warm: Case = { name: "restart, demo already loaded", times: [] };
  for (let run = 0; run < runs; run++) {
    for (const withDemo of [false, true]) {
      const folder = mkdtempSync(path.join(tmpdir(), "rapport-cold-"));
      const dataDir = path.join(folder, "data");
      const processes: RapportProcess[] = [];
      try {
        (withDemo ? demo : cold).times.push(await startOnce(dataDir, withDemo, processes));
        if (withDemo) warm.times.push(await startOnce(dataDir, true, processes));
      } finally {
        removeDesk(dataDir, processes, folder);
      }
    }
  }
  return [cold, demo, warm];
}

/** What `npm start` adds before `rapport start` when the console is built: the staleness check. */
function prestartMs(): number {
  const began = performance.now();
  const result = spawnSync(process.execPath, [path.join(repositoryRoot, "scripts/build-web.js")], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("scripts/build-web.js failed");
  return performance.now() - began;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

console.log(
  `Rapport cold start: ${runs} runs each, embedded PostgreSQL, Node ${process.version}\n`,
);
const check = prestartMs();
for (const { name, times } of await measure()) {
  const list = times.map((ms) => (ms / 1000).toFixed(2)).join("  ");
  console.log(
    `${name.padEnd(30)} median ${(median(times) / 1000).toFixed(2)} s  max ${(Math.max(...times) / 1000).toFixed(2)} s  (${list})`,
  );
}
console.log(`\nnpm start's prestart check (console already built): ${check.toFixed(0)} ms`);
