// Rows per second of `rapport import`: a desk is started (embedded PostgreSQL, as `rapport start` runs
// it), generated CSV files of customers and of their orders (one row in a hundred bad) are imported by
// the CLI as a process attached to it, then imported again (nothing changes). Prints rows/s for each.
// Run: npm run bench:import. BENCH_CUSTOMERS (100000) and BENCH_ORDERS (300000) set the sizes.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { customersCsv, ordersCsv } from "../test/helpers/import-files.ts";
import {
  rapportEnv,
  repositoryRoot,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";

const customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const orders = Number(process.env.BENCH_ORDERS ?? 300_000);

function importFile(env: Record<string, string>, kind: string, file: string) {
  const began = performance.now();
  const child = spawn(process.execPath, ["bin/rapport.js", "import", kind, file], {
    cwd: repositoryRoot,
    env,
    stdio: ["ignore", "pipe", "ignore"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  return new Promise<{ seconds: number; summary: string; code: number | null }>((resolve) =>
    child.on("close", (code) =>
      resolve({
        code,
        seconds: (performance.now() - began) / 1000,
        summary: stdout.trimEnd().split("\n").at(-1) ?? "",
      }),
    ),
  );
}

const folder = mkdtempSync(path.join(tmpdir(), "rapport-bench-import-"));
const env = rapportEnv(path.join(folder, "data"), { LOG_LEVEL: "warn" });
const server = await startRapport(env);
try {
  const customersFile = await customersCsv(path.join(folder, "customers.csv"), customers);
  const ordersFile = await ordersCsv(path.join(folder, "orders.csv"), orders, customers);
  console.log(
    `${customers} customers and ${orders} orders (1 % bad rows), imported by the CLI while the desk runs`,
  );
  for (const round of ["first import", "again (nothing changes)"]) {
    for (const [kind, file] of [
      ["customers", customersFile],
      ["orders", ordersFile],
    ] as const) {
      const run = await importFile(env, kind, file.path);
      console.log(
        `${`${kind}, ${round}`.padEnd(36)} ${String(Math.round(file.rows / run.seconds)).padStart(7)} rows/s` +
          `   ${run.seconds.toFixed(1).padStart(6)} s   exit ${run.code}   ${run.summary}`,
      );
    }
  }
} finally {
  await stopRapport(server);
  rmSync(folder, { recursive: true, force: true });
}
