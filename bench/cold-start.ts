// How long `rapport start` takes to answer 200 on /healthz: on a fresh data folder with and without
// the demo story, and restarted on a folder that already holds a desk. Run: npx tsx bench/cold-start.ts
// BENCH_RUNS (5) runs of each; the console must be built already (npm install builds it).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import {
  cpuSecondsOf,
  postgresPids,
  type RapportProcess,
  rapportEnv,
  removeDesk,
  repositoryRoot,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";

const runs = Number(process.env.BENCH_RUNS ?? 5);

type Case = { name: string; times: number[]; cpu: number[]; steps: Map<string, number[]> };

/** Log lines that close a step of the start, and what the step was. */
const milestones: Array<[string, string]> = [
  ["embedded PostgreSQL initialised", "node and the CLI loaded, initdb (fresh folder)"],
  ["embedded PostgreSQL started", "cluster started and accepting connections"],
  ["migrations applied, job queue open", "migrations and job queue"],
  ["Server listening", "HTTP and SMTP code loaded (meanwhile), HTTP listener"],
  ["demo story loaded", "demo story"],
  ["Rapport is ready", "workers, SMTP listener"],
];

/** How long each step took, from the start's own log (pino writes epoch milliseconds). */
function stepsOf(stderr: string, spawnedAt: number): Map<string, number> {
  const steps = new Map<string, number>();
  let previous = spawnedAt;
  for (const line of stderr.split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { msg?: string; time?: number };
    const step = milestones.find(([msg]) => entry.msg?.startsWith(msg));
    if (!step || entry.time === undefined) continue;
    steps.set(step[1], entry.time - previous);
    previous = entry.time;
  }
  return steps;
}

/** Starts a desk on `dataDir` and stops it cleanly, answering the milliseconds to healthy. */
async function startOnce(dataDir: string, demo: boolean, processes: RapportProcess[], into: Case) {
  const spawnedAt = Date.now();
  const server = await startRapport(
    rapportEnv(dataDir, { RAPPORT_DEMO: demo ? "1" : "0", LOG_LEVEL: "info" }),
  );
  processes.push(server);
  // CPU used until healthy, whatever the machine's load: node (with initdb, which it waited for)
  // and the embedded PostgreSQL (its live processes and the backends that already ended).
  into.cpu.push(
    cpuSecondsOf([server.pid], { reaped: true }) +
      cpuSecondsOf(postgresPids(dataDir), { reaped: true }),
  );
  const code = await stopRapport(server);
  if (code !== 0) throw new Error(`rapport stopped with exit code ${code}: ${server.stderr()}`);
  into.times.push(server.startMs);
  for (const [step, ms] of stepsOf(server.stderr(), spawnedAt)) {
    into.steps.set(step, [...(into.steps.get(step) ?? []), ms]);
  }
}

async function measure(): Promise<Case[]> {
  const cold: Case = { name: "fresh folder, no demo", times: [], cpu: [], steps: new Map() };
  const demo: Case = { name: "fresh folder, demo story", times: [], cpu: [], steps: new Map() };
  const warm: Case = { name: "restart, demo already loaded", times: [], cpu: [], steps: new Map() };
  for (let run = 0; run < runs; run++) {
    for (const withDemo of [false, true]) {
      const folder = mkdtempSync(path.join(tmpdir(), "rapport-cold-"));
      const dataDir = path.join(folder, "data");
      const processes: RapportProcess[] = [];
      try {
        await startOnce(dataDir, withDemo, processes, withDemo ? demo : cold);
        if (withDemo) await startOnce(dataDir, true, processes, warm);
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
  `Rapport cold start: ${runs} runs each, embedded PostgreSQL, Node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}\n`,
);
const check = prestartMs();
for (const { name, times, cpu, steps } of await measure()) {
  const list = times.map((ms) => (ms / 1000).toFixed(2)).join("  ");
  console.log(
    `${name.padEnd(30)} median ${(median(times) / 1000).toFixed(2)} s  max ${(Math.max(...times) / 1000).toFixed(2)} s  (${list})`,
  );
  console.log(
    `${"".padEnd(32)}${"CPU until healthy (node, initdb, PostgreSQL)".padEnd(56)} median ${median(cpu).toFixed(2)} s  (${cpu.map((s) => s.toFixed(2)).join("  ")})`,
  );
  for (const [step, ms] of steps) {
    console.log(`${"".padEnd(32)}${step.padEnd(56)} median ${(median(ms) / 1000).toFixed(2)} s`);
  }
}
console.log(`\nnpm start's prestart check (console already built): ${check.toFixed(0)} ms`);
