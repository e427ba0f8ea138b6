// `npm test`: unit and integration tests on the embedded PostgreSQL, integration tests again on the
// PostgreSQL server (DATABASE_URL or 127.0.0.1:5432), and the browser tests in Chromium.
// With CI=true a missing server or browser fails the run instead of being skipped.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ci = process.env.CI === "true" || process.env.CI === "1";
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const reports = mkdtempSync(path.join(tmpdir(), "rapport-test-report-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failed = false;

function run(name, args, env = {}) {
  process.stdout.write(`\n== ${name}\n`);
  const report = path.join(reports, `${name.replace(/\W+/g, "-")}.json`);
  const result = spawnSync(
    process.execPath,
    [
      vitest,
      "run",
      ...args,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    { cwd: root, stdio: "inherit", env: { ...process.env, ...env } },
  );
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  }
  if (result.status !== 0) failed = true;
}

async function serverReachable() {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    process.stdout.write(`PostgreSQL server not reachable: ${error.message}\n`);
    return false;
  }
}

function skipOrFail(what) {
  if (ci) {
    process.stdout.write(`FAIL: ${what} is required when CI=true\n`);
    failed = true;
  } else {
    process.stdout.write(`SKIPPED: ${what} is not available here (CI=true makes this a failure)\n`);
  }
}

const only = process.argv.slice(2);
const wants = (part) => only.length === 0 || only.includes(part);

// The console as a browser gets it (precompressed assets included) is served by the integration
// and browser tests alike: build it once, first.
const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-web.js"), "--force"], {
  cwd: root,
  stdio: "inherit",
});
const consoleBuilt = build.status === 0;
if (!consoleBuilt) failed = true;

if (wants("embedded"))
  run("unit, integration and process tests on embedded PostgreSQL", [
    "--project",
    "unit",
    "--project",
    "integration",
    "--project",
    "process",
  ]);
if (wants("server")) {
  if (await serverReachable())
    run("integration on PostgreSQL server", ["--project", "integration"], {
      RAPPORT_TEST_DB: "server",
    });
  else skipOrFail("the PostgreSQL server (DATABASE_URL or 127.0.0.1:5432)");
}
if (wants("e2e")) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) skipOrFail(`Chromium (${chromium})`);
  else if (consoleBuilt)
    run("browser tests in Chromium", ["--project", "e2e"], { CHROMIUM_PATH: chromium });
}

rmSync(reports, { recursive: true, force: true });
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(failed || totals.failed > 0 ? 1 : 0);
